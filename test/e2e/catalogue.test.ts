import { loadNationalData } from '../support/national-data';
import { TestFederation, TestNode } from '../support/test-federation';

interface CatalogueJson {
  'dcat:catalog': {
    'dct:publisher': { 'dct:identifier': string };
    'dcat:dataset': Record<string, unknown>[];
  }[];
  'spe:unavailableNodes': { 'spe:nodeId': string; 'spe:reason': string }[];
}

describe('the federated catalogue', () => {
  let federation: TestFederation;
  const nodes: Record<string, TestNode> = {};
  const persons = { de: 250, fr: 180, nl: 60 };

  beforeAll(async () => {
    federation = await TestFederation.create(['DE', 'FR', 'NL']);
    await Promise.all(
      (['de', 'fr', 'nl'] as const).map(async (id) => {
        const node = await federation.start(id);
        await loadNationalData(node, id.toUpperCase(), persons[id]);
        nodes[id] = node;
      }),
    );
  });

  afterAll(() => federation?.stop());

  const federated = async (id: string) => {
    const res = await fetch(`${nodes[id]!.httpUrl}/v1/catalogue/federated`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/ld+json');
    return (await res.json()) as CatalogueJson;
  };

  it("publishes a node's datasets as HealthDCAT-AP, to anyone, with counts rounded and small ones withheld", async () => {
    const res = await fetch(`${nodes.de!.httpUrl}/v1/catalogue`);
    const catalogue = (await res.json()) as {
      '@type': string;
      'dcat:dataset': Record<string, unknown>[];
    };
    expect(catalogue['@type']).toBe('dcat:Catalog');
    const [dataset] = catalogue['dcat:dataset'];
    expect(dataset).toMatchObject({
      '@type': 'dcat:Dataset',
      'dct:identifier': 'de:cardiometabolic',
      'dct:accessRights': {
        '@id': 'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC',
      },
      'dcatap:applicableLegislation': { '@id': 'http://data.europa.eu/eli/reg/2025/327/oj' },
      'dcat:theme': { '@id': 'http://publications.europa.eu/resource/authority/data-theme/HEAL' },
      'dct:publisher': { 'foaf:name': 'Health Data Access Body DE' },
      'dcat:contactPoint': { 'vcard:hasEmail': { '@id': 'mailto:hdab@de.invalid' } },
      'healthdcatap:numberOfRecords': { '@value': 300 },
    });
    const columns = (dataset!['csvw:tableSchema'] as { 'csvw:column': { 'csvw:name': string }[] })[
      'csvw:column'
    ];
    expect(columns.map((c) => c['csvw:name'])).toEqual([
      'age',
      'sex',
      'bmi',
      'hba1c',
      'smoker',
      'diabetes',
      'cvd_event',
      'followup_days',
      'died',
    ]);
  });

  it('answers from FR for DE, FR and NL, over gRPC', async () => {
    const view = await federated('fr');
    expect(view['dcat:catalog'].map((c) => c['dct:publisher']['dct:identifier']).sort()).toEqual([
      'de',
      'fr',
      'nl',
    ]);
    const nl = view['dcat:catalog'].find((c) => c['dct:publisher']['dct:identifier'] === 'nl')!;
    expect(nl['dcat:dataset'][0]).not.toHaveProperty('healthdcatap:numberOfRecords');
    expect(view['spe:unavailableNodes']).toEqual([]);
  });

  it('lists the others and names a stopped node instead of failing', async () => {
    await nodes.nl!.close();
    const view = await federated('fr');
    expect(view['dcat:catalog'].map((c) => c['dct:publisher']['dct:identifier']).sort()).toEqual([
      'de',
      'fr',
    ]);
    expect(view['spe:unavailableNodes']).toEqual([
      { 'spe:nodeId': 'nl', 'spe:reason': expect.stringContaining('PEER.UNAVAILABLE') },
    ]);
  });
});
