import { outcomeOfStatus } from './audit-entry';

describe('outcomeOfStatus', () => {
  it.each([
    ['OK', 'success'],
    ['PERMISSION_DENIED', 'denied'],
    ['UNAUTHENTICATED', 'denied'],
    ['INVALID_ARGUMENT', 'invalid'],
    ['NOT_FOUND', 'invalid'],
    ['UNAVAILABLE', 'error'],
    ['INTERNAL', 'error'],
  ] as const)('%s reads as %s', (status, outcome) => {
    expect(outcomeOfStatus(status)).toBe(outcome);
  });
});
