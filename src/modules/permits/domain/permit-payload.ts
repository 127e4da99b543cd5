import { Application, DatasetRequest, NamedUser, participantsOf } from './permit';
import { Purpose } from './purposes';
import { addMonths } from './permit.rules';

/** The canonical permit every participating HDAB signs (EHDS Art 68(10)). */
export interface PermitPayload {
  readonly permitId: string;
  readonly lead: string;
  readonly participants: readonly string[];
  readonly purpose: Purpose;
  readonly title: string;
  readonly datasets: readonly DatasetRequest[];
  readonly users: readonly NamedUser[];
  readonly analysisKinds: readonly string[];
  readonly pseudonymised: boolean;
  readonly outputChecking: { readonly profile: string };
  readonly validFrom: string;
  readonly validUntil: string;
}

/** The output-checking profile permits name until nodes publish their own (the airlock issue). */
export const DEFAULT_OUTPUT_CHECKING = { profile: 'acro-default' } as const;

/** The permit an application becomes when granted at `grantedAt`, in a stable order. */
export function permitPayloadOf(application: Application, grantedAt: Date): PermitPayload {
  const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return {
    permitId: application.id,
    lead: application.lead,
    participants: participantsOf(application),
    purpose: application.purpose,
    title: application.title,
    datasets: [...application.datasets]
      .map((d) => ({ node: d.node, dataset: d.dataset, variables: [...d.variables].sort(byText) }))
      .sort((a, b) => byText(`${a.node}/${a.dataset}`, `${b.node}/${b.dataset}`)),
    users: [...application.users]
      .map((u) => ({ issuer: u.issuer, subject: u.subject }))
      .sort((a, b) => byText(`${a.issuer}#${a.subject}`, `${b.issuer}#${b.subject}`)),
    analysisKinds: [...application.analysisKinds].sort(byText),
    pseudonymised: application.pseudonymised,
    outputChecking: DEFAULT_OUTPUT_CHECKING,
    validFrom: grantedAt.toISOString(),
    validUntil: addMonths(grantedAt, application.durationMonths).toISOString(),
  };
}

/**
 * What a participant checks before it signs: that the payload is the
 * application it approved, granted now. Returns the differences.
 */
export function differencesFromApplication(
  payload: PermitPayload,
  application: Application,
  now: Date,
  toleranceMs = 10 * 60_000,
): string[] {
  const grantedAt = new Date(payload.validFrom);
  if (Number.isNaN(grantedAt.getTime())) return ['validFrom is not a time'];
  const expected = permitPayloadOf(application, grantedAt);
  const differences: string[] = (Object.keys(expected) as (keyof PermitPayload)[]).filter(
    (key) => JSON.stringify(expected[key]) !== JSON.stringify(payload[key]),
  );
  if (Math.abs(grantedAt.getTime() - now.getTime()) > toleranceMs)
    differences.push('validFrom is not now');
  return differences;
}
