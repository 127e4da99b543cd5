import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNode, RunningNode } from '../../src/bootstrap';
import { AppConfig } from '../../src/config/app-config';
import { CountryCode } from '../../src/config/countries';
import { loadConfig } from '../../src/config/load-config';
import { Database } from '../../src/database/database';
import {
  DevFederation,
  createDevFederation,
} from '../../src/modules/federation/infrastructure/dev-federation';
import { readLocalNodes, writeFederationFolder } from '../../src/cli/federation-folder';
import { Role } from '../../src/modules/identity/domain/person';
import { mintDevToken } from '../../src/modules/identity/infrastructure/dev-issuer';
import { freePort } from './free-port';
import { MovableClock } from './movable-clock';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestNode extends RunningNode {
  readonly database: TestDatabase;
  /** The node's clock: real time unless a test moves it. */
  readonly clock: MovableClock;
}

/**
 * A development federation in a temporary folder, on free loopback ports,
 * with real certificates. Nodes start in this process on their own database.
 */
export class TestFederation {
  private readonly running: TestNode[] = [];
  private stopped = false;

  private constructor(
    readonly dir: string,
    readonly material: DevFederation,
  ) {}

  static async create(
    countries: CountryCode[],
    options: { sharedCa?: boolean } = {},
  ): Promise<TestFederation> {
    const dir = mkdtempSync(join(tmpdir(), 'spe-federation-'));
    const ports = new Map<string, { http: number; grpc: number }>();
    for (const country of countries) {
      ports.set(country.toLowerCase(), { http: await freePort(), grpc: await freePort() });
    }
    const material = await createDevFederation({
      trustDomain: 'ehds.example',
      sharedCa: options.sharedCa,
      nodes: countries.map((country) => {
        const id = country.toLowerCase();
        const port = ports.get(id)!;
        return {
          id,
          country,
          grpcAddress: `127.0.0.1:${port.grpc}`,
          httpUrl: `http://127.0.0.1:${port.http}`,
        };
      }),
    });
    writeFederationFolder(dir, material, ports, join(dir, 'data'));
    return new TestFederation(dir, material);
  }

  /** The environment `federation init` wrote for node `id`. */
  env(id: string): Record<string, string> {
    const node = readLocalNodes(this.dir).find((n) => n.id === id);
    if (!node) throw new Error(`No node ${id}`);
    return node.env;
  }

  config(id: string, overrides: Record<string, string> = {}): AppConfig {
    return loadConfig({ ...this.env(id), ...overrides });
  }

  /** A bearer token from the federation's development issuer. */
  token(
    subject: string,
    roles: Role[],
    options: { ttlSeconds?: number; now?: Date; hdab?: string } = {},
  ): Promise<string> {
    return mintDevToken(
      { issuer: this.material.devIssuer.issuer, privateJwk: this.material.devIssuer.signingJwk },
      {
        subject,
        roles,
        hdab: options.hdab,
        audience: 'ehds-spe',
        ttlSeconds: options.ttlSeconds ?? 600,
        now: options.now,
      },
    );
  }

  async start(
    id: string,
    overrides: Record<string, string> = {},
    options: { onDisk?: boolean } = {},
  ): Promise<TestNode> {
    const database = await createTestDatabase(id, options);
    const base = this.config(id, overrides);
    const config: AppConfig = { ...base, database: database.config };
    const db = await Database.open(config.database);
    await db.migrate();
    const clock = new MovableClock();
    const node = await startNode(config, { logger: false, database: db, clock });
    const testNode = { ...node, database, clock };
    this.running.push(testNode);
    // A start that outlived its test (a timed-out beforeAll) must not leave a node behind.
    if (this.stopped) await this.stop();
    return testNode;
  }

  /** Stops a node and starts it again on the same database and clock (started `onDisk` when embedded). */
  async restart(node: TestNode): Promise<TestNode> {
    await node.close();
    this.running.splice(this.running.indexOf(node), 1);
    const db = await Database.open(node.config.database);
    const restarted = await startNode(node.config, {
      logger: false,
      database: db,
      clock: node.clock,
    });
    const testNode = { ...restarted, database: node.database, clock: node.clock };
    this.running.push(testNode);
    return testNode;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    for (const node of this.running.splice(0)) {
      await node.close();
      await node.database.drop();
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}
