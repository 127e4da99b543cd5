import { compareHeads, treeHeadPayload } from './tree-head';

const head = (treeSize: number, root: string) => ({
  treeSize,
  rootHash: Buffer.alloc(32, root),
  timestamp: new Date('2025-12-01T09:30:00.000Z'),
});

describe('tree heads', () => {
  it('carry the node, size, base64 root and time in milliseconds', () => {
    expect(treeHeadPayload('de', head(3, 'a'))).toEqual({
      iss: 'de',
      tree_size: 3,
      root_hash: Buffer.alloc(32, 'a').toString('base64'),
      timestamp: 1764581400000,
    });
  });

  it('compare: same tree, a larger one to prove, a fork or a rollback', () => {
    expect(compareHeads(head(3, 'a'), head(3, 'a'))).toBe('same');
    expect(compareHeads(head(3, 'a'), head(3, 'b'))).toBe('fork');
    expect(compareHeads(head(3, 'a'), head(5, 'b'))).toBe('to-prove');
    expect(compareHeads(head(5, 'a'), head(3, 'a'))).toBe('rollback');
  });
});
