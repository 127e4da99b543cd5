import { z } from 'zod';
import { filtersSchema } from '../filters';
import { identifierSchema } from '../identifier';

/** At most this many terms (variables and interactions) on the right-hand side of a model. */
export const MAX_TERMS = 20;

const NAME = '[a-z][a-z0-9_]{0,39}';

/** A predictor: a variable, or the interaction `a:b` of two different variables. */
export const termSchema = z
  .string()
  .regex(new RegExp(`^${NAME}(:${NAME})?$`), 'must be a variable or an interaction a:b')
  .refine((term) => {
    const [a, b] = term.split(':');
    return a !== b;
  }, 'an interaction needs two different variables');

/** The variables of a term, in the order written. */
export function termVariables(term: string): string[] {
  return term.split(':');
}

/** A term's identity: `a:b` and `b:a` are the same interaction. */
function termId(term: string): string {
  return termVariables(term).sort().join(':');
}

/**
 * The parameters of a regression model, shared by the linear and logistic
 * kinds: `outcome ~ predictors`, with an intercept always, on the complete
 * cases of the rows the filters keep.
 */
export const modelParamsSchema = z.strictObject({
  dataset: identifierSchema,
  outcome: identifierSchema,
  /** Variables, or interactions `a:b` of two variables; none gives the intercept-only model. */
  predictors: z
    .array(termSchema)
    .max(MAX_TERMS)
    .refine(
      (terms) => new Set(terms.map(termId)).size === terms.length,
      'must not repeat a predictor',
    ),
  /** Per category predictor, the level its dummies are against; else its first level. */
  reference: z.record(identifierSchema, z.string().min(1).max(200)).optional(),
  filters: filtersSchema,
});

export type ModelParams = z.infer<typeof modelParamsSchema>;
