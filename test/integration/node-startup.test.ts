import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SchemaNotMigratedError, startNode } from '../../src/bootstrap';
import { ConfigError } from '../../src/config/config.error';
import { Database, MEMORY_DATA_DIR } from '../../src/database/database';
import { loadFederationMaterial } from '../../src/modules/federation/infrastructure/federation-material';
import { TestFederation } from '../support/test-federation';

describe('a node refuses to start on bad configuration, naming the variable', () => {
  let federation: TestFederation;

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR']);
  });

  afterAll(() => federation?.stop());

  const refusal = (env: Record<string, string>) => {
    const config = federation.config('de', env);
    try {
      loadFederationMaterial(config.federation, config.node);
    } catch (error) {
      if (error instanceof ConfigError) return error.problems;
      throw error;
    }
    throw new Error('expected a ConfigError');
  };

  it('accepts the material the development federation wrote', () => {
    const config = federation.config('de');
    const material = loadFederationMaterial(config.federation, config.node);
    expect(material.self.id).toBe('de');
    expect(material.registry.members.map((m) => m.id)).toEqual(['de', 'fr']);
  });

  it('refuses a certificate and key of another node', () => {
    const fr = federation.env('fr');
    expect(refusal({ TLS_CERT_FILE: fr.TLS_CERT_FILE!, TLS_KEY_FILE: fr.TLS_KEY_FILE! })).toEqual([
      {
        variable: 'TLS_CERT_FILE',
        message: expect.stringContaining('spiffe://ehds.example/hdab/de'),
      },
      { variable: 'TLS_CERT_FILE', message: expect.stringContaining('not issued by the CA') },
    ]);
  });

  it('refuses a key that does not match the certificate', () => {
    expect(refusal({ TLS_KEY_FILE: federation.env('fr').TLS_KEY_FILE! })).toEqual([
      { variable: 'TLS_KEY_FILE', message: 'does not match TLS_CERT_FILE' },
    ]);
  });

  it("refuses another node's signing key", () => {
    expect(refusal({ SIGNING_KEY_FILE: federation.env('fr').SIGNING_KEY_FILE! })).toEqual([
      {
        variable: 'SIGNING_KEY_FILE',
        message: expect.stringContaining("not among the registry's signing keys"),
      },
    ]);
  });

  it('refuses a country that contradicts the registry, and a node missing from it', () => {
    expect(refusal({ NODE_COUNTRY: 'FR' })).toEqual([
      { variable: 'NODE_COUNTRY', message: 'is FR but the registry says DE for de' },
    ]);
    expect(refusal({ NODE_ID: 'nl', NODE_COUNTRY: 'NL' })[0]!.variable).toBe('REGISTRY_FILE');
  });

  it('refuses an unreadable or malformed registry', () => {
    expect(refusal({ REGISTRY_FILE: '/nonexistent/registry.json' })).toEqual([
      { variable: 'REGISTRY_FILE', message: 'cannot read /nonexistent/registry.json: ENOENT' },
    ]);
    const broken = join(federation.dir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ trustDomain: 'ehds.example', nodes: [{ id: 'de' }] }));
    const problems = refusal({ REGISTRY_FILE: broken });
    expect(problems.every((p) => p.variable === 'REGISTRY_FILE')).toBe(true);
    expect(problems.map((p) => p.message).join('\n')).toContain('nodes.0.country');
  });

  it('refuses a database whose schema is behind, leaving nothing running', async () => {
    const config = { ...federation.config('de'), database: { dataDir: MEMORY_DATA_DIR } };
    const database = await Database.open(config.database);
    await expect(startNode(config, { logger: false, database })).rejects.toBeInstanceOf(
      SchemaNotMigratedError,
    );
    expect(database.dataSource.isInitialized).toBe(false);
  });
});
