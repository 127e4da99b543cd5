import { addMonths } from '../../permits/domain/permit.rules';
import {
  LIVE_STATUSES,
  LifecycleAction,
  LifecycleFacts,
  LifecyclePolicy,
  NextEvent,
} from './lifecycle';

/** When a permit archived at `archivedAt` is destroyed under this node's policy. */
export function destroyDueAt(archivedAt: string, policy: LifecyclePolicy): Date {
  return addMonths(new Date(archivedAt), policy.destroyAfterMonths);
}

/**
 * The lifecycle actions due at `now`, permit by permit, from what this node
 * knows. Pure: the scheduler applies each action idempotently, so an action
 * interrupted by a crash is planned again by the next tick.
 */
export function plan(
  now: Date,
  permits: readonly LifecycleFacts[],
  policy: LifecyclePolicy,
): LifecycleAction[] {
  return permits.flatMap((p) => [...extensionActions(p, policy), ...actionsFor(now, p, policy)]);
}

/** Extension messages that did not get through are sent again. */
function extensionActions(p: LifecycleFacts, policy: LifecyclePolicy): LifecycleAction[] {
  const e = p.extension;
  if (!e || e.status === 'LAPSED') return [];
  const ids = { permitId: p.permitId, extensionId: e.id };
  if (p.lead === policy.node) {
    return e.untold.length > 0 ? [{ kind: 'SEND_EXTENSION', ...ids }] : [];
  }
  return e.status === 'PENDING' && e.decided && !e.reported
    ? [{ kind: 'REPORT_EXTENSION', ...ids, lead: p.lead }]
    : [];
}

function actionsFor(now: Date, p: LifecycleFacts, policy: LifecyclePolicy): LifecycleAction[] {
  const permitId = p.permitId;
  if (LIVE_STATUSES.includes(p.status)) {
    return p.validUntil && now >= new Date(p.validUntil)
      ? [{ kind: 'ARCHIVE', permitId, reason: 'EXPIRED' }]
      : [];
  }
  const actions: LifecycleAction[] = [];
  if (p.status === 'ARCHIVED') {
    // Archived by a change (a revocation): what archival means is still to be applied here.
    if (!p.archival) return [{ kind: 'ARCHIVE', permitId, reason: 'REVOKED' }];
    if (p.archival.untold.length > 0) {
      actions.push({ kind: 'TELL_ARCHIVED', permitId, nodes: p.archival.untold });
    }
    const due = p.archivedAt !== undefined && now >= destroyDueAt(p.archivedAt, policy);
    // A destruction begun and not recorded is finished whatever the time.
    if (due || p.destruction) actions.push({ kind: 'DESTROY', permitId });
  }
  if (
    p.destruction?.recorded &&
    !p.destruction.delivered &&
    p.lead !== policy.node &&
    (p.status === 'DESTROYED' || p.status === 'ARCHIVED')
  ) {
    actions.push({ kind: 'DELIVER_RECORD', permitId, lead: p.lead });
  }
  return actions;
}

/** The next lifecycle event of a permit here, or undefined when none will come. */
export function nextEvent(
  now: Date,
  p: LifecycleFacts,
  policy: LifecyclePolicy,
): NextEvent | undefined {
  const at = (time: string | Date) => {
    const date = new Date(time);
    return { at: date.toISOString(), due: now >= date };
  };
  if (LIVE_STATUSES.includes(p.status)) {
    return p.validUntil ? { event: 'ARCHIVE', ...at(p.validUntil) } : undefined;
  }
  if (p.status === 'ARCHIVED') {
    if (!p.archival) return { event: 'ARCHIVE', ...at(p.archivedAt ?? now) };
    if (p.archival.untold.length > 0) return { event: 'TELL_ARCHIVED', ...at(now) };
    if (p.destruction) return { event: 'DESTROY', ...at(p.destruction.destroyedAt) };
    if (p.archivedAt) return { event: 'DESTROY', ...at(destroyDueAt(p.archivedAt, policy)) };
    return undefined;
  }
  if (p.status !== 'DESTROYED') return undefined;
  if (p.lead !== policy.node) {
    return p.destruction?.recorded && !p.destruction.delivered
      ? { event: 'DELIVER_RECORD', ...at(now) }
      : undefined;
  }
  const missing = p.participants.filter((n) => !p.recordsFrom.includes(n));
  return missing.length > 0 ? { event: 'AWAIT_RECORDS', from: missing } : undefined;
}
