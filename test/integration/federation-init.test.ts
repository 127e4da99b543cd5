import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initFederation, initOptionsOf } from '../../src/cli/commands/federation-init.command';
import { readLocalNodes } from '../../src/cli/federation-folder';
import { loadConfig } from '../../src/config/load-config';
import { loadFederationMaterial } from '../../src/modules/federation/infrastructure/federation-material';
import { registryFileSchema } from '../../src/modules/federation/infrastructure/registry-file.schema';

describe('spe federation init', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

  async function init(flags: Record<string, string | boolean>) {
    const dir = mkdtempSync(join(tmpdir(), 'spe-init-'));
    dirs.push(dir);
    await initFederation(initOptionsOf({ dir, ...flags }));
    return dir;
  }

  it('creates one CA per HDAB, a certificate, a signing key and an environment per node, and the registry', async () => {
    const dir = await init({ countries: 'DE,FR,NL' });
    const registry = registryFileSchema.parse(
      JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8')),
    );

    expect(registry.nodes.map((n) => [n.id, n.country, n.grpcAddress, n.httpUrl])).toEqual([
      ['de', 'DE', '127.0.0.1:50051', 'http://127.0.0.1:3001'],
      ['fr', 'FR', '127.0.0.1:50052', 'http://127.0.0.1:3002'],
      ['nl', 'NL', '127.0.0.1:50053', 'http://127.0.0.1:3003'],
    ]);
    expect(new Set(registry.nodes.map((n) => n.ca)).size).toBe(3);
    for (const node of readLocalNodes(dir)) {
      const cert = new X509Certificate(readFileSync(node.env.TLS_CERT_FILE!));
      expect(cert.subjectAltName).toContain(`URI:spiffe://ehds.example/hdab/${node.id}`);
      expect(statSync(node.env.TLS_KEY_FILE!).mode & 0o777).toBe(0o600);
      expect(statSync(node.env.SIGNING_KEY_FILE!).mode & 0o777).toBe(0o600);
      const config = loadConfig(node.env);
      expect(loadFederationMaterial(config.federation, config.node).self.id).toBe(node.id);
    }
  });

  it('creates one shared CA on request', async () => {
    const dir = await init({ countries: 'DE,FR', 'shared-ca': true });
    const registry = registryFileSchema.parse(
      JSON.parse(readFileSync(join(dir, 'registry.json'), 'utf8')),
    );
    expect(new Set(registry.nodes.map((n) => n.ca)).size).toBe(1);
    expect(readFileSync(join(dir, 'ca', 'ca.crt'), 'utf8')).toBe(registry.nodes[0]!.ca);
  });

  it('refuses countries outside the EU/EEA and repeated ones', () => {
    expect(() => initOptionsOf({ countries: 'DE,US' })).toThrow('not EU/EEA codes: US');
    expect(() => initOptionsOf({ countries: 'DE,de' })).toThrow('repeated');
  });
});
