import { ACRO_RULES } from '../modules/analysis/domain/checks/strictest';
import { ConfigError } from './config.error';
import { loadConfig, loadDatabaseConfig } from './load-config';

const valid = {
  NODE_ID: 'de',
  NODE_COUNTRY: 'DE',
  REGISTRY_FILE: '/etc/spe/registry.json',
  TLS_CERT_FILE: '/etc/spe/node.crt',
  TLS_KEY_FILE: '/etc/spe/node.key',
  SIGNING_KEY_FILE: '/etc/spe/signing.jwk.json',
};

function problemsOf(env: Record<string, string>) {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads a complete environment into typed sections with safe defaults', () => {
    const config = loadConfig({ ...valid, HTTP_PORT: '3101' });
    expect(config.node).toEqual({
      id: 'de',
      country: 'DE',
      hdabName: 'Health Data Access Body DE',
      contactEmail: 'hdab@de.invalid',
    });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 3101 });
    expect(config.grpc).toEqual({ host: '127.0.0.1', port: 50051, peerDeadlineMs: 5000 });
    expect(config.database).toEqual({ url: undefined, dataDir: '.data/de' });
    expect(config.log).toEqual({ level: 'log', format: 'json' });
    expect(config.lifecycle).toEqual({ schedule: '* * * * *', destroyAfterMonths: 6 });
    expect(config.audit).toEqual({
      headIntervalMs: 300_000,
      gossipIntervalMs: 300_000,
      retentionYears: 5,
    });
  });

  it('takes a lifecycle schedule only as a cron expression and at most six months to destruction', () => {
    expect(
      loadConfig({ ...valid, LIFECYCLE_SCHEDULE: '*/30 * * * * *', DESTROY_AFTER_MONTHS: '3' })
        .lifecycle,
    ).toEqual({ schedule: '*/30 * * * * *', destroyAfterMonths: 3 });
    const byVariable = Object.fromEntries(
      problemsOf({
        ...valid,
        LIFECYCLE_SCHEDULE: 'every minute',
        DESTROY_AFTER_MONTHS: '7',
      }).problems.map((p) => [p.variable, p.message]),
    );
    expect(byVariable.LIFECYCLE_SCHEDULE).toContain('cron expression');
    expect(Object.keys(byVariable).sort()).toEqual(['DESTROY_AFTER_MONTHS', 'LIFECYCLE_SCHEDULE']);
  });

  it('reads the output checks with the ACRO defaults, each configurable and bounded', () => {
    expect(loadConfig(valid).use.outputRules).toEqual(ACRO_RULES);
    expect(
      loadConfig({
        ...valid,
        OUTPUT_MIN_COUNT: '20',
        OUTPUT_ZEROS_REVIEW: 'false',
        OUTPUT_DOMINANCE_K: '0.85',
        OUTPUT_P_RATIO: '0.2',
        OUTPUT_MIN_RESIDUAL_DF: '15',
        OUTPUT_SURVIVAL_MIN_EVENTS: '12',
        OUTPUT_MAX_LEVELS: '20',
      }).use.outputRules,
    ).toEqual({
      minCount: 20,
      zerosReview: false,
      dominanceK: 0.85,
      pRatio: 0.2,
      minResidualDf: 15,
      survivalMinEvents: 12,
      maxLevels: 20,
    });
    const problems = problemsOf({
      ...valid,
      OUTPUT_DOMINANCE_K: '0',
      OUTPUT_P_RATIO: '2',
      OUTPUT_MAX_LEVELS: '1',
      AIRLOCK_SUPPRESS_TABLES: 'yes',
    }).problems.map((p) => p.variable);
    expect(problems.sort()).toEqual([
      'AIRLOCK_SUPPRESS_TABLES',
      'OUTPUT_DOMINANCE_K',
      'OUTPUT_MAX_LEVELS',
      'OUTPUT_P_RATIO',
    ]);
    expect(loadConfig(valid).use.airlock.suppressTables).toBe(false);
    expect(
      loadConfig({ ...valid, AIRLOCK_SUPPRESS_TABLES: 'true' }).use.airlock.suppressTables,
    ).toBe(true);
  });

  it('keeps audit entries at least a year', () => {
    expect(problemsOf({ ...valid, AUDIT_RETENTION_YEARS: '0' }).problems).toEqual([
      {
        variable: 'AUDIT_RETENTION_YEARS',
        message: 'must be at least 1: access logs are kept at least a year (EHDS Art 73(1)(e))',
      },
    ]);
    expect(loadConfig({ ...valid, AUDIT_RETENTION_YEARS: '10' }).audit.retentionYears).toBe(10);
  });

  it('names every missing variable', () => {
    const error = problemsOf({});
    expect(error.problems.map((p) => p.variable).sort()).toEqual(
      [
        'NODE_COUNTRY',
        'NODE_ID',
        'REGISTRY_FILE',
        'SIGNING_KEY_FILE',
        'TLS_CERT_FILE',
        'TLS_KEY_FILE',
      ].sort(),
    );
    expect(error.message).toContain('NODE_ID: is required');
  });

  it('names each malformed variable with what it must be', () => {
    const error = problemsOf({
      ...valid,
      NODE_COUNTRY: 'US',
      HTTP_PORT: '70000',
      DATABASE_URL: 'mysql://db/spe',
      NODE_ID: 'DE!',
    });
    const byVariable = Object.fromEntries(error.problems.map((p) => [p.variable, p.message]));
    expect(Object.keys(byVariable).sort()).toEqual([
      'DATABASE_URL',
      'HTTP_PORT',
      'NODE_COUNTRY',
      'NODE_ID',
    ]);
    expect(byVariable.NODE_COUNTRY).toContain('EU/EEA');
    expect(byVariable.DATABASE_URL).toContain('postgres://');
  });

  it('names the missing half of a pair of variables', () => {
    expect(
      problemsOf({ ...valid, OIDC_ISSUER: 'https://idp.example/realms/ehds' }).problems,
    ).toEqual([{ variable: 'OIDC_JWKS_URL', message: 'is required with OIDC_ISSUER' }]);
    expect(
      loadConfig({ ...valid, DEV_ISSUER: 'https://dev', DEV_ISSUER_JWKS_FILE: '/f' }).identity,
    ).toEqual({
      audience: 'ehds-spe',
      devIssuer: { issuer: 'https://dev', jwksFile: '/f' },
      oidc: undefined,
      rolesClaim: 'roles',
    });
  });

  it('treats an empty variable as unset', () => {
    expect(loadConfig({ ...valid, DATABASE_URL: '' }).database.url).toBeUndefined();
    expect(problemsOf({ ...valid, NODE_ID: '' }).problems).toEqual([
      { variable: 'NODE_ID', message: 'is required' },
    ]);
  });

  it('reads only the database variables for database commands', () => {
    expect(loadDatabaseConfig({ NODE_ID: 'fr', DATABASE_URL: 'postgres://u@h/spe' })).toEqual({
      url: 'postgres://u@h/spe',
      dataDir: '.data/fr',
    });
    expect(() => loadDatabaseConfig({})).toThrow(/NODE_ID: is required/);
  });
});
