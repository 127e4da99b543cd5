import { DatasetOriginKind, PublishedDataset } from './dataset';

/** The HDAB that publishes a node's datasets. */
export interface Publisher {
  readonly nodeId: string;
  readonly country: string;
  readonly hdabName: string;
  readonly contactEmail: string;
}

export interface NodeCatalogue {
  readonly publisher: Publisher;
  readonly datasets: readonly PublishedDataset[];
}

const CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dct: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  healthdcatap: 'http://healthdataportal.eu/ns/health#',
  csvw: 'http://www.w3.org/ns/csvw#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  spe: 'https://ehds.example/ns/spe#',
} as const;

const EHDS_REGULATION = 'http://data.europa.eu/eli/reg/2025/327/oj';
const NON_PUBLIC = 'http://publications.europa.eu/resource/authority/access-right/NON_PUBLIC';
const HEALTH_THEME = 'http://publications.europa.eu/resource/authority/data-theme/HEAL';
const COUNTRY = 'http://publications.europa.eu/resource/authority/country/';

/** ISO 3166-1 alpha-2 to the EU country authority's alpha-3 codes. */
const ALPHA3: Record<string, string> = {
  AT: 'AUT',
  BE: 'BEL',
  BG: 'BGR',
  CY: 'CYP',
  CZ: 'CZE',
  DE: 'DEU',
  DK: 'DNK',
  EE: 'EST',
  ES: 'ESP',
  FI: 'FIN',
  FR: 'FRA',
  GR: 'GRC',
  HR: 'HRV',
  HU: 'HUN',
  IE: 'IRL',
  IT: 'ITA',
  LT: 'LTU',
  LU: 'LUX',
  LV: 'LVA',
  MT: 'MLT',
  NL: 'NLD',
  PL: 'POL',
  PT: 'PRT',
  RO: 'ROU',
  SE: 'SWE',
  SI: 'SVN',
  SK: 'SVK',
  IS: 'ISL',
  LI: 'LIE',
  NO: 'NOR',
};

const PROVENANCE: Record<DatasetOriginKind, string> = {
  omop: 'Derived by the HDAB from its OMOP CDM v5.4 source data',
  csv: 'Registered by the HDAB from a person-level file (one row per person), every value checked against its data dictionary',
};

const XSD_TYPE: Record<string, string> = {
  integer: 'xsd:integer',
  number: 'xsd:decimal',
  boolean: 'xsd:boolean',
  date: 'xsd:date',
  category: 'xsd:string',
};

/** One HDAB's datasets as a HealthDCAT-AP (DCAT-AP 3) catalogue in JSON-LD. */
export function healthDcatCatalogue(catalogue: NodeCatalogue, baseUri: string) {
  return { '@context': CONTEXT, ...catalogueNode(catalogue, baseUri) };
}

function catalogueNode(catalogue: NodeCatalogue, baseUri: string) {
  return {
    '@id': `${baseUri}/v1/catalogue`,
    '@type': 'dcat:Catalog',
    'dct:title': `Health datasets held by ${catalogue.publisher.hdabName}`,
    'dct:publisher': agent(catalogue.publisher),
    'dct:spatial': {
      '@id': COUNTRY + (ALPHA3[catalogue.publisher.country] ?? catalogue.publisher.country),
    },
    'dcat:dataset': catalogue.datasets.map((d) =>
      healthDcatDataset(d, catalogue.publisher, baseUri),
    ),
  };
}

/** Every answering HDAB's catalogue, and the nodes that did not answer. */
export function federatedHealthDcatCatalogue(
  catalogues: readonly { catalogue: NodeCatalogue; baseUri: string }[],
  unavailable: readonly { nodeId: string; reason: string }[],
) {
  return {
    '@context': CONTEXT,
    '@type': 'dcat:Catalog',
    'dct:title': 'Health datasets of the federation',
    'dcat:catalog': catalogues.map(({ catalogue, baseUri }) => catalogueNode(catalogue, baseUri)),
    'spe:unavailableNodes': unavailable.map((u) => ({
      'spe:nodeId': u.nodeId,
      'spe:reason': u.reason,
    })),
  };
}

function agent(publisher: Publisher) {
  return {
    '@type': 'foaf:Agent',
    'foaf:name': publisher.hdabName,
    'dct:identifier': publisher.nodeId,
  };
}

function healthDcatDataset(dataset: PublishedDataset, publisher: Publisher, baseUri: string) {
  const id = `${baseUri}/v1/catalogue#${dataset.id}`;
  return {
    '@id': id,
    '@type': 'dcat:Dataset',
    'dct:identifier': `${publisher.nodeId}:${dataset.id}`,
    'dct:title': dataset.title,
    'dct:description': dataset.description,
    'dcat:theme': { '@id': HEALTH_THEME },
    'dcat:keyword': dataset.keywords,
    'dct:publisher': agent(publisher),
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': publisher.hdabName,
      'vcard:hasEmail': { '@id': `mailto:${publisher.contactEmail}` },
    },
    'dct:accessRights': { '@id': NON_PUBLIC },
    'dcatap:applicableLegislation': { '@id': EHDS_REGULATION },
    'dct:spatial': { '@id': COUNTRY + (ALPHA3[publisher.country] ?? publisher.country) },
    'dct:type': 'person-level analysis dataset',
    'dct:provenance': {
      '@type': 'dct:ProvenanceStatement',
      'rdfs:label': PROVENANCE[dataset.origin],
    },
    ...(dataset.version !== undefined ? { 'dcat:version': dataset.version } : {}),
    'dct:modified': { '@value': dataset.refreshedAt, '@type': 'xsd:dateTime' },
    ...(dataset.numberOfRecords !== undefined
      ? {
          'healthdcatap:numberOfRecords': {
            '@value': dataset.numberOfRecords,
            '@type': 'xsd:nonNegativeInteger',
          },
        }
      : {}),
    'dcat:distribution': {
      '@type': 'dcat:Distribution',
      'dct:title': 'Access only inside the secure processing environment, under a data permit',
      'dct:accessRights': { '@id': NON_PUBLIC },
    },
    'csvw:tableSchema': {
      'csvw:column': dataset.variables.map((v) => ({
        'csvw:name': v.name,
        'csvw:datatype': XSD_TYPE[v.type],
        'dct:description': v.description,
        ...(v.unit ? { 'spe:unit': v.unit } : {}),
        ...(v.levels ? { 'spe:levels': v.levels } : {}),
        ...(v.required ? { 'csvw:required': true } : {}),
      })),
    },
  };
}
