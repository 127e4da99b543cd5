import type { ApplicationRequest } from '../client/api-types';
import { Command, UsageError } from '../command';
import {
  clientOf,
  EXIT_HELP,
  printTable,
  readJsonFile,
  REMOTE_HELP,
  REMOTE_OPTIONS,
  required,
  requiredId,
} from '../remote';

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Researcher: lodge one application for data in one or more countries',
  help: `Usage: spe apply --file APPLICATION.json --url URL --token TOKEN

Lodges the application in the file at the node (which leads it) and prints
its id. The file is the body of POST /v1/applications (docs/api.md):
{ applicant: { name, organisation }, purpose, title, description,
  datasets: [{ node, dataset, variables }], users: [{ issuer, subject }],
  durationMonths, pseudonymised, analysisKinds }

Options:
  --file FILE       the application, as JSON
${REMOTE_HELP}

${EXIT_HELP}`,
  options: { ...REMOTE_OPTIONS, file: { type: 'string' } },
  async run(values) {
    const application = readJsonFile(
      required(values, 'file', 'the application as a JSON file'),
      'file',
    );
    const lodged = await clientOf(values).lodgeApplication(application as ApplicationRequest);
    process.stdout.write(
      `${lodged.id}\nLodged at ${lodged.lead} for ${lodged.participants.join(', ')}; ` +
        `each HDAB decides by ${lodged.decisionDueAt.slice(0, 10)}.\n`,
    );
    return 0;
  },
};

export const permitsListCommand: Command = {
  name: 'permits list',
  summary: 'Researcher: your applications and permits at a node, with their state',
  help: `Usage: spe permits list --url URL --token TOKEN

Lists the applications you lodged or are named in, as the node knows them:
id, state, validity and the countries taking part.

Options:
${REMOTE_HELP}

${EXIT_HELP}`,
  options: REMOTE_OPTIONS,
  async run(values) {
    const list = await clientOf(values).applications();
    printTable(
      ['id', 'status', 'valid until', 'lead', 'participants', 'title'],
      list.map((a) => [
        a.id,
        a.status,
        a.validUntil?.slice(0, 10) ?? '',
        a.lead,
        a.participants.join(','),
        a.title,
      ]),
      'No applications.',
    );
    return 0;
  },
};

export const applicationsListCommand: Command = {
  name: 'applications list',
  summary: "HDAB staff: the node's applications, or those awaiting its decision",
  help: `Usage: spe applications list [--pending] --url URL --token TOKEN

Options:
  --pending         only those awaiting this node's decision
${REMOTE_HELP}

${EXIT_HELP}`,
  options: { ...REMOTE_OPTIONS, pending: { type: 'boolean', default: false } },
  async run(values) {
    const list = await clientOf(values).applications({ pending: values.pending === true });
    printTable(
      ['id', 'status', 'decision due', 'lead', 'organisation', 'title'],
      list.map((a) => [
        a.id,
        a.status,
        a.decisionDueAt.slice(0, 10),
        a.lead,
        a.applicant.organisation,
        a.title,
      ]),
      values.pending ? 'Nothing awaits a decision.' : 'No applications.',
    );
    return 0;
  },
};

export const applicationsDecideCommand: Command = {
  name: 'applications decide',
  summary: "HDAB reviewer: approve or reject this node's part of an application",
  help: `Usage: spe applications decide --id ID (--approve | --reject) --reason TEXT --url URL --token TOKEN

An approval signs the permit with this node's key.

Options:
  --id ID           the application
  --approve         approve this node's part
  --reject          reject it
  --reason TEXT     why (kept in the register and the audit log)
${REMOTE_HELP}

${EXIT_HELP}`,
  options: {
    ...REMOTE_OPTIONS,
    id: { type: 'string' },
    approve: { type: 'boolean', default: false },
    reject: { type: 'boolean', default: false },
    reason: { type: 'string' },
  },
  async run(values) {
    const id = requiredId(values, 'id', 'the application');
    if (values.approve === values.reject) throw new UsageError('one of --approve or --reject');
    const reason = required(values, 'reason', 'why');
    const view = await clientOf(values).decide(
      id,
      values.approve ? 'APPROVED' : 'REJECTED',
      reason,
    );
    process.stdout.write(
      `${view.id}: ${values.approve ? 'approved' : 'rejected'}; the application is ${view.status}.\n`,
    );
    return 0;
  },
};

export const permitRevokeCommand: Command = {
  name: 'permit revoke',
  summary: 'HDAB admin: revoke a permit for every participant at once (EHDS Art 63)',
  help: `Usage: spe permit revoke --id ID --reason TEXT --url URL --token TOKEN

The permit is archived at every node: no new job is accepted, running ones
are cancelled, and its data is destroyed after the retention period.

Options:
  --id ID           the permit
  --reason TEXT     why
${REMOTE_HELP}

${EXIT_HELP}`,
  options: { ...REMOTE_OPTIONS, id: { type: 'string' }, reason: { type: 'string' } },
  async run(values) {
    const id = requiredId(values, 'id', 'the permit');
    const view = await clientOf(values).revokePermit(id, required(values, 'reason', 'why'));
    process.stdout.write(`${view.id}: revoked; the permit is ${view.status}.\n`);
    return 0;
  },
};
