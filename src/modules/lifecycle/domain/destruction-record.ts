import { z } from 'zod';

/**
 * What one node states, signed with its key, about the end of a permit's
 * data there: which workspace tables it dropped with how many rows, which
 * pseudonym secret it deleted (by id), how many unreleased outputs it
 * deleted, and when. Its canonical JSON is the payload of a compact JWS.
 */
export interface DestructionRecord {
  readonly type: typeof DESTRUCTION_RECORD_TYPE;
  readonly permitId: string;
  readonly node: string;
  readonly archivedAt: string;
  readonly destroyedAt: string;
  readonly workspace: {
    readonly schema: string | null;
    readonly tables: readonly { readonly name: string; readonly rows: number }[];
  };
  readonly secret: { readonly id: string; readonly createdAt: string } | null;
  readonly unreleasedOutputs: number;
}

export const DESTRUCTION_RECORD_TYPE = 'spe.destruction-record.v1';

/** The `typ` of the record's JWS header. */
export const DESTRUCTION_RECORD_JWS_TYPE = 'spe-destruction-record+jws';

const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,62}$/);

export const destructionRecordSchema = z.strictObject({
  type: z.literal(DESTRUCTION_RECORD_TYPE),
  permitId: z.uuid(),
  node: z.string().regex(/^[a-z][a-z0-9-]{1,31}$/),
  archivedAt: z.iso.datetime(),
  destroyedAt: z.iso.datetime(),
  workspace: z.strictObject({
    schema: identifier.nullable(),
    tables: z.array(z.strictObject({ name: identifier, rows: z.number().int().min(0) })).max(1000),
  }),
  secret: z.strictObject({ id: z.uuid(), createdAt: z.iso.datetime() }).nullable(),
  unreleasedOutputs: z.number().int().min(0),
}) satisfies z.ZodType<DestructionRecord>;

/** What a node counted before it destroyed a permit's data, kept until the record is written. */
export interface DestructionInventory {
  readonly archivedAt: string;
  readonly workspace: {
    readonly schema?: string;
    readonly tables: readonly { readonly name: string; readonly rows: number }[];
    readonly secret?: { readonly id: string; readonly createdAt: string };
  };
  readonly unreleasedOutputs: number;
}

/** The record of a destruction, from what was counted before it. */
export function destructionRecordOf(
  permitId: string,
  node: string,
  inventory: DestructionInventory,
  destroyedAt: string,
): DestructionRecord {
  return {
    type: DESTRUCTION_RECORD_TYPE,
    permitId,
    node,
    archivedAt: inventory.archivedAt,
    destroyedAt,
    workspace: {
      schema: inventory.workspace.schema ?? null,
      tables: [...inventory.workspace.tables].sort((a, b) => (a.name < b.name ? -1 : 1)),
    },
    secret: inventory.workspace.secret ?? null,
    unreleasedOutputs: inventory.unreleasedOutputs,
  };
}
