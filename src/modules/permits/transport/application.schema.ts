import { z } from 'zod';
import { ANALYSIS_KINDS } from '../domain/analysis-kinds';

/** Permits last at most ten years (EHDS Art 68(12); configurable once confirmed). */
export const MAX_DURATION_MONTHS = 120;

const nodeId = z.string().regex(/^[a-z][a-z0-9-]{1,31}$/, 'must be a node id such as de');
const identifier = z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'must be a dataset or variable name');
const text = (max: number) => z.string().trim().min(1, 'is empty').max(max);

/** A data access application as a researcher lodges it (REST body). */
export const lodgeApplicationSchema = z
  .strictObject({
    applicant: z.strictObject({ name: text(200), organisation: text(300) }),
    publicSectorBody: z.boolean().default(false),
    purpose: text(60),
    title: text(300),
    description: z
      .string()
      .trim()
      .min(20, 'must say in at least 20 characters what the data is for')
      .max(10_000),
    datasets: z
      .array(
        z.strictObject({
          node: nodeId,
          dataset: identifier,
          variables: z.array(identifier).min(1, 'must name at least one variable').max(500),
        }),
      )
      .min(1, 'must ask for at least one dataset')
      .max(100),
    users: z
      .array(z.strictObject({ issuer: text(300), subject: text(300) }))
      .min(1, 'must name at least one data user')
      .max(200),
    durationMonths: z.number().int().min(1).max(MAX_DURATION_MONTHS),
    pseudonymised: z.boolean(),
    pseudonymisationJustification: z.string().trim().min(20).max(5000).optional(),
    analysisKinds: z
      .array(z.enum(ANALYSIS_KINDS))
      .min(1, 'must name at least one analysis kind')
      .max(20),
  })
  .superRefine((a, ctx) => {
    if (a.pseudonymised && !a.pseudonymisationJustification) {
      ctx.addIssue({
        code: 'custom',
        path: ['pseudonymisationJustification'],
        message: 'is required when pseudonymised data is asked for (EHDS Art 66(3))',
      });
    }
    const seen = new Set<string>();
    a.datasets.forEach((d, i) => {
      const key = `${d.node}/${d.dataset}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['datasets', i], message: `asks for ${key} twice` });
      seen.add(key);
    });
  });

export const decisionSchema = z.strictObject({
  outcome: z.enum(['APPROVED', 'REJECTED']),
  reason: z.string().trim().min(3, 'must give a reason').max(5000),
});

export const permitChangeSchema = z.strictObject({
  reason: z.string().trim().min(3, 'must give a reason').max(5000),
});

export const completionRequestSchema = z.strictObject({
  missing: z.array(z.string().trim().min(3).max(1000)).min(1, 'must say what is missing').max(50),
});
