import { participantsOf } from '../domain/permit';
import { PURPOSES } from '../domain/purposes';
import { PermitRecord } from '../application/permit-repository.port';

/** An application or permit as the people entitled to it see it. */
export function applicationView(record: PermitRecord, nodeId: string, now: Date) {
  const { application } = record;
  const pending = record.status === 'REQUESTED';
  return {
    id: application.id,
    status: record.status,
    lead: application.lead,
    participants: participantsOf(application),
    title: application.title,
    purpose: application.purpose,
    purposeText: PURPOSES[application.purpose],
    description: application.description,
    applicant: application.applicant,
    publicSectorBody: application.publicSectorBody,
    datasets: application.datasets,
    /** What is asked of this node's HDAB. */
    askedOfThisNode: application.datasets.filter((d) => d.node === nodeId),
    users: application.users,
    durationMonths: application.durationMonths,
    pseudonymised: application.pseudonymised,
    pseudonymisationJustification: application.pseudonymisationJustification,
    analysisKinds: application.analysisKinds,
    receivedAt: application.receivedAt,
    decisionDueAt: record.decisionDueAt,
    decisionOverdue: pending && !record.completion && now > new Date(record.decisionDueAt),
    applicationVersion: record.applicationVersion,
    ...(record.completion
      ? { completion: { ...record.completion, overdue: now > new Date(record.completion.dueAt) } }
      : {}),
    decisions: record.decisions.map((d) => ({
      ...d,
      delivered: record.delivered[d.node] ?? false,
    })),
    ...(record.validFrom ? { validFrom: record.validFrom, validUntil: record.validUntil } : {}),
    ...(record.jws ? { permit: record.jws } : {}),
  };
}

/** An entry of the public register: no personal data, no reasons (EHDS Art 57(1)(e)). */
export function registerEntry(record: PermitRecord) {
  const { application } = record;
  return {
    id: application.id,
    status: record.status,
    lead: application.lead,
    participants: participantsOf(application),
    title: application.title,
    purpose: application.purpose,
    organisation: application.applicant.organisation,
    receivedAt: application.receivedAt,
    decisionDueAt: record.decisionDueAt,
    ...(record.concludedAt ? { decidedAt: record.concludedAt } : {}),
    ...(record.validFrom ? { validFrom: record.validFrom, validUntil: record.validUntil } : {}),
  };
}
