import { isRole, ROLES } from '../../modules/identity/domain/person';
import { mintDevToken } from '../../modules/identity/infrastructure/dev-issuer';
import { Command, UsageError } from '../command';
import { federationExists, readDevIssuer } from '../federation-folder';
import { DEFAULT_FEDERATION_DIR } from './federation-init.command';

export const tokenCommand: Command = {
  name: 'token',
  summary: "Mint a bearer token from the development federation's issuer",
  help: `Usage: spe token --sub SUBJECT --role ROLE [--role ROLE …] [options]

Prints a JWT signed by the development issuer of the federation in --dir,
which every node of that federation trusts. For local use only: real nodes
trust an external OIDC issuer (OIDC_ISSUER, OIDC_JWKS_URL).

Options:
  --sub SUBJECT     the person's subject at the issuer (e.g. alice)
  --role ROLE       ${ROLES.join(', ')}; repeat for several
  --hdab NODE       the node whose HDAB employs the person: hdab-reviewer and
                    hdab-admin count only at that node
  --ttl SECONDS     lifetime (default 3600)
  --audience AUD    the token's audience (default ehds-spe, the nodes' TOKEN_AUDIENCE)
  --dir DIR         the federation folder (default ${DEFAULT_FEDERATION_DIR})`,
  options: {
    sub: { type: 'string' },
    role: { type: 'string', multiple: true, default: [] },
    hdab: { type: 'string' },
    ttl: { type: 'string', default: '3600' },
    audience: { type: 'string', default: 'ehds-spe' },
    dir: { type: 'string', default: DEFAULT_FEDERATION_DIR },
  },
  async run(values) {
    const subject = String(values.sub ?? '');
    if (!/^[A-Za-z0-9._@-]{1,128}$/.test(subject))
      throw new UsageError('--sub: 1-128 letters, digits, . _ @ -');
    const roles = values.role as string[];
    const unknown = roles.filter((r) => !isRole(r));
    if (roles.length === 0 || unknown.length > 0) {
      throw new UsageError(
        `--role: one or more of ${ROLES.join(', ')}${unknown.length ? ` (not: ${unknown.join(', ')})` : ''}`,
      );
    }
    const ttlSeconds = Number(values.ttl);
    if (!Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > 86_400) {
      throw new UsageError('--ttl: whole seconds, at most one day');
    }
    const dir = String(values.dir);
    if (!federationExists(dir))
      throw new UsageError(`${dir} holds no federation (spe federation init)`);
    const token = await mintDevToken(readDevIssuer(dir), {
      subject,
      roles: roles.filter(isRole),
      hdab: values.hdab ? String(values.hdab) : undefined,
      audience: String(values.audience),
      ttlSeconds,
    });
    process.stdout.write(`${token}\n`);
    return 0;
  },
};
