import { AuditRecord, recordBytes, recordLeafHash } from './audit-record';

const record: AuditRecord = {
  version: 1,
  seq: '42',
  occurredAt: '2025-12-01T09:30:00.125Z',
  requestId: 'req-0001',
  channel: 'http',
  actorKind: 'user',
  actorId: 'https://dev-issuer.ehds.example#alice',
  action: 'GET /v1/jobs/:id',
  permitId: null,
  outcome: 'success',
  errorCode: null,
  details: { status: 200, role: 'researcher' },
};

describe('the canonical serialization of an audit entry', () => {
  it('is RFC 8785 JSON of the stored fields, and its leaf is SHA-256(0x00 || it)', () => {
    expect(recordBytes(record).toString('utf8')).toBe(
      '{"action":"GET /v1/jobs/:id","actorId":"https://dev-issuer.ehds.example#alice",' +
        '"actorKind":"user","channel":"http","details":{"role":"researcher","status":200},' +
        '"errorCode":null,"occurredAt":"2025-12-01T09:30:00.125Z","outcome":"success",' +
        '"permitId":null,"requestId":"req-0001","seq":"42","version":1}',
    );
    // The test vector of ADR 9; also printf '\x00%s' '<the JSON above>' | sha256sum
    expect(recordLeafHash(record).toString('hex')).toBe(
      'c9dd3d62403d3364762224be7f839ec3872f190997919e4c3fe7d8ae1bd6bfa6',
    );
  });

  it('does not depend on the order of keys, and changes with any field', () => {
    const reordered = Object.fromEntries(Object.entries(record).reverse()) as AuditRecord;
    expect(recordLeafHash(reordered)).toEqual(recordLeafHash(record));
    expect(recordLeafHash({ ...record, outcome: 'denied' })).not.toEqual(recordLeafHash(record));
    expect(recordLeafHash({ ...record, seq: '43' })).not.toEqual(recordLeafHash(record));
    expect(recordLeafHash({ ...record, details: { status: 200 } })).not.toEqual(
      recordLeafHash(record),
    );
  });
});
