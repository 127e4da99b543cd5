import { z } from 'zod';
import { outputRulesSchema } from '../../analysis/domain/checks/output-rules.schema';
import { VARIABLE_TYPES } from '../../catalogue/domain/dataset';
import { WorkspaceTableInfo } from '../domain/workspace';

const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/);

const workspaceTableSchema = z
  .object({
    dataset: identifier,
    columns: z
      .array(
        z.object({
          name: identifier,
          type: z.enum(VARIABLE_TYPES),
          levels: z.array(z.string().min(1).max(200)).max(200),
        }),
      )
      .min(1)
      .max(500),
    publishedVariables: z.array(identifier).min(1).max(1000),
  })
  .transform((t): WorkspaceTableInfo => ({
    dataset: t.dataset,
    columns: t.columns.map((c) => (c.type === 'category' ? c : { name: c.name, type: c.type })),
    publishedVariables: t.publishedVariables,
  }));

export const reportWorkspaceReadyRequestSchema = z.object({
  permitId: z.uuid(),
  tables: z.array(workspaceTableSchema).max(100),
  outputRules: outputRulesSchema,
});

export const activatePermitRequestSchema = z.object({ permitId: z.uuid() });
