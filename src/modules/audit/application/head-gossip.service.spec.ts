import { MetricsService } from '../../../observability/metrics.service';
import { Clock } from '../../../shared/clock';
import { Transaction, UnitOfWork } from '../../../shared/transaction';
import { FederationDirectory } from '../../federation/application/federation-directory';
import { FederationMember, FederationRegistry } from '../../federation/domain/federation-member';
import { leafHash } from '../domain/merkle-hash';
import { MerkleTree } from '../domain/merkle-tree';
import { SignedTreeHead } from '../domain/tree-head';
import { AuditPeers } from './audit-peers.port';
import { AuditService } from './audit.service';
import { HeadGossipService } from './head-gossip.service';
import { AlertKind, AuditAlert, HeldHead, PeerHeadStore } from './peer-heads.port';
import { TreeHeadSigner } from './tree-head-signer.port';

const member = (id: string) => ({ id }) as FederationMember;

class Directory extends FederationDirectory {
  readonly registry = {
    trustDomain: 'ehds.example',
    members: [member('de'), member('fr')],
  } as FederationRegistry;
  readonly self = member('fr');
  readonly signingKeys = { keys: [] };
}

/** DE, as FR sees it: whatever tree DE currently claims to have. */
class De extends AuditPeers {
  tree = MerkleTree.of([]);
  size = 0;
  heads = new Map<string, SignedTreeHead>();

  grow(leaves: string[], size = leaves.length) {
    this.tree = MerkleTree.of(leaves.map((l) => leafHash(Buffer.from(l))));
    this.size = size;
  }

  async signedTreeHead(): Promise<string> {
    const jws = `head-${this.heads.size}`;
    this.heads.set(jws, {
      issuer: 'de',
      treeSize: this.size,
      rootHash: this.tree.root(this.size),
      timestamp: new Date(),
      jws,
    });
    return jws;
  }

  async consistencyProof(_peer: string, first: number, second: number): Promise<Buffer[]> {
    return this.tree.consistencyProof(first, second);
  }
}

class Store extends PeerHeadStore {
  held: HeldHead[] = [];
  raised: { kind: AlertKind; offendingId: string }[] = [];

  async latestConsistent(): Promise<HeldHead | undefined> {
    return this.held.filter((h) => h.consistent).sort((a, b) => b.treeSize - a.treeSize)[0];
  }
  async save(head: SignedTreeHead, consistent: boolean): Promise<string> {
    const same = this.held.find(
      (h) => h.treeSize === head.treeSize && h.rootHash.equals(head.rootHash),
    );
    if (same) return same.id;
    const id = String(this.held.length + 1);
    this.held.push({ ...head, id, consistent, receivedAt: new Date() });
    return id;
  }
  async saveAlert(alert: { kind: AlertKind; offendingId: string }): Promise<boolean> {
    if (this.raised.some((a) => a.offendingId === alert.offendingId)) return false;
    this.raised.push(alert);
    return true;
  }
  async heads(): Promise<HeldHead[]> {
    return this.held;
  }
  async alerts(): Promise<AuditAlert[]> {
    return [];
  }
}

describe('holding a peer to the tree heads it signed', () => {
  let de: De;
  let store: Store;
  let audited: unknown[];
  let gossip: HeadGossipService;

  beforeEach(() => {
    de = new De();
    store = new Store();
    audited = [];
    const signer = {
      sign: jest.fn(),
      verify: async (jws: string) => de.heads.get(jws),
    } as unknown as TreeHeadSigner;
    const unitOfWork = {
      run: (work: (tx: Transaction) => unknown) => work({ kind: 'transaction' }),
    };
    const audit = {
      record: async (event: unknown) => audited.push(event),
    } as unknown as AuditService;
    gossip = new HeadGossipService(
      de,
      store,
      signer,
      new Directory(),
      unitOfWork as UnitOfWork,
      audit,
      new MetricsService(),
      { now: () => new Date() } as Clock,
    );
  });

  const history = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];

  it('holds the first head, then each that is proven to extend it', async () => {
    de.grow(history, 3);
    expect(await gossip.check('de')).toBe('held');
    expect(await gossip.check('de')).toBe('same');
    de.grow(history, 7);
    expect(await gossip.check('de')).toBe('extended');
    expect(store.held.map((h) => [h.treeSize, h.consistent])).toEqual([
      [3, true],
      [7, true],
    ]);
    expect(audited).toEqual([]);
  });

  it.each([
    ['inconsistent', ['a', 'x', 'c', 'd', 'e', 'f', 'g'], 7],
    ['fork', ['a', 'b', 'x'], 3],
    ['rollback', ['a', 'b'], 2],
  ] as const)('raises one alert for a node whose new head is %s', async (kind, rewritten, size) => {
    de.grow(history, 3);
    await gossip.check('de');
    de.grow([...rewritten], size);
    expect(await gossip.check('de')).toBe(kind);
    expect(await gossip.check('de')).toBe('known');
    expect(store.raised.map((a) => a.kind)).toEqual([kind]);
    expect(store.held.map((h) => [h.treeSize, h.consistent])).toEqual([
      [3, true],
      [size, false],
    ]);
    expect(audited).toEqual([
      expect.objectContaining({
        action: 'audit.peer-inconsistent',
        details: { node: 'de', kind, heldTreeSize: 3, treeSize: size },
      }),
    ]);
  });

  it('refuses a head its registered keys did not sign', async () => {
    jest.spyOn(de, 'signedTreeHead').mockResolvedValue('forged');
    await expect(gossip.check('de')).rejects.toMatchObject({ code: 'PEER.FAILED' });
  });
});
