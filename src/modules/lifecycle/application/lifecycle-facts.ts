import { PermitRecord } from '../../permits/application/permit-repository.port';
import { participantsOf } from '../../permits/domain/permit';
import { LifecycleFacts } from '../domain/lifecycle';
import { Extension } from '../domain/extension';
import { Archival, Destruction } from './lifecycle-repository.port';

/** The planner's view of a permit, from the permit and the lifecycle's rows. */
export function factsOf(
  permit: PermitRecord,
  state: { archival?: Archival; destruction?: Destruction; recordsFrom: readonly string[] } = {
    recordsFrom: [],
  },
  extension?: Extension,
  nodeId?: string,
): LifecycleFacts {
  return {
    permitId: permit.application.id,
    status: permit.status,
    lead: permit.application.lead,
    participants: participantsOf(permit.application),
    validUntil: permit.validUntil,
    archivedAt: permit.archivedAt,
    archival: state.archival && { reason: state.archival.reason, untold: state.archival.untold },
    destruction: state.destruction && {
      destroyedAt: state.destruction.destroyedAt.toISOString(),
      recorded: state.destruction.record !== undefined,
      delivered: state.destruction.deliveredAt !== undefined,
    },
    recordsFrom: state.recordsFrom,
    extension: extension && {
      id: extension.id,
      status: extension.status,
      untold: extension.untold,
      decided: nodeId !== undefined && extension.decisions[nodeId] !== undefined,
      reported: extension.reported,
    },
  };
}
