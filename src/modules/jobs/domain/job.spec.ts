import { PermitPayload } from '../../permits/domain/permit-payload';
import { WorkspaceTableInfo } from '../../workspaces/domain/workspace';
import { JobSpec, NodeState, overallStatus } from './job';
import { checkJob, jobNodesOf } from './job.rules';

const alice = { issuer: 'https://issuer.example', subject: 'alice' };

const payload: PermitPayload = {
  permitId: '00000000-0000-4000-8000-000000000001',
  lead: 'de',
  participants: ['de', 'fr'],
  purpose: 'scientific-research',
  title: 'A study',
  datasets: [
    { node: 'de', dataset: 'study', variables: ['grp', 'value'] },
    { node: 'fr', dataset: 'study', variables: ['grp'] },
  ],
  users: [alice],
  // A newer node may allow a kind this node's version does not have.
  analysisKinds: ['count', 'summary', 'survival-forest'],
  pseudonymised: false,
  outputChecking: { profile: 'acro-default' },
  validFrom: '2026-01-01T00:00:00.000Z',
  validUntil: '2027-01-01T00:00:00.000Z',
};

const table = (variables: string[]): WorkspaceTableInfo => ({
  dataset: 'study',
  columns: variables.map((name) =>
    name === 'grp'
      ? { name, type: 'category', levels: ['a', 'b'] }
      : { name, type: 'number' as const },
  ),
  publishedVariables: ['grp', 'value', 'birth_year'],
});

const tables = new Map([
  ['de', table(['grp', 'value'])],
  ['fr', table(['grp'])],
]);

const spec = (overrides: Partial<JobSpec> = {}): JobSpec => ({
  jobId: '00000000-0000-4000-8000-000000000002',
  permitId: payload.permitId,
  kind: 'count',
  params: { dataset: 'study', groupBy: ['grp'] },
  submittedBy: alice,
  submittedAt: '2026-06-01T00:00:00.000Z',
  ...overrides,
});

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'accepted';
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('overallStatus', () => {
  it.each<[NodeState[], string]>([
    [['RELEASED', 'RELEASED'], 'COMPLETE'],
    [['RELEASED', 'BLOCKED'], 'PARTIAL'],
    [['RELEASED', 'FAILED'], 'PARTIAL'],
    [['FAILED', 'BLOCKED'], 'FAILED'],
    [['RELEASED', 'DISPATCHED'], 'RUNNING'],
    [['QUEUED', 'QUEUED'], 'RUNNING'],
  ])('%j is %s', (states, status) => {
    expect(overallStatus(states.map((state) => ({ state })))).toBe(status);
  });
});

describe('jobNodesOf', () => {
  it('is every node whose part of the permit has the dataset', () => {
    expect(jobNodesOf(payload, 'study')).toEqual(['de', 'fr']);
    expect(codeOf(() => jobNodesOf(payload, 'other'))).toBe('ANALYSIS.VARIABLE_NOT_PERMITTED');
  });
});

describe('checkJob', () => {
  it('accepts a job within the permit at every node', () => {
    expect(codeOf(() => checkJob(spec(), payload, tables))).toBe('accepted');
  });

  it.each<[string, Partial<JobSpec>, string]>([
    [
      'a user the permit does not name',
      { submittedBy: { ...alice, subject: 'bob' } },
      'PERMIT.USER_NOT_NAMED',
    ],
    ['a kind the permit does not allow', { kind: 'histogram' }, 'ANALYSIS.KIND_NOT_PERMITTED'],
    [
      'an allowed kind this node does not know',
      { kind: 'survival-forest' },
      'ANALYSIS.UNKNOWN_KIND',
    ],
    [
      'malformed parameters',
      { params: { dataset: 'study', groupBy: 'grp' } },
      'ANALYSIS.INVALID_PARAMS',
    ],
    [
      'an unknown variable',
      { params: { dataset: 'study', groupBy: ['colour'] } },
      'ANALYSIS.UNKNOWN_VARIABLE',
    ],
    [
      'a published variable outside the permit',
      { params: { dataset: 'study', groupBy: ['birth_year'] } },
      'ANALYSIS.VARIABLE_NOT_PERMITTED',
    ],
    [
      'a variable permitted at one node only',
      { kind: 'summary', params: { dataset: 'study', variable: 'value' } },
      'ANALYSIS.VARIABLE_NOT_PERMITTED',
    ],
    ['another permit', { permitId: '00000000-0000-4000-8000-000000000009' }, 'REQUEST.INVALID'],
  ])('refuses %s', (_what, overrides, code) => {
    expect(codeOf(() => checkJob(spec(overrides), payload, tables))).toBe(code);
  });

  it('checks the types against the columns', () => {
    const byNumber = spec({ params: { dataset: 'study', groupBy: ['value'] } });
    expect(codeOf(() => checkJob(byNumber, payload, new Map([['de', tables.get('de')!]])))).toBe(
      'ANALYSIS.INVALID_PARAMS',
    );
  });
});
