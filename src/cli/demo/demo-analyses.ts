import { DEMO_DATASET } from './demo-data';

export interface DemoAnalysis {
  readonly title: string;
  readonly kind: string;
  readonly params: Record<string, unknown>;
}

/** Three-year bins to the end of follow-up (31 December 2024, day 3652). */
const THREE_YEAR_EDGES = [0, 1096, 2191, 3653];

/** The study's analyses: each passes every node's output checks at the demo's sizes. */
export const DEMO_ANALYSES: readonly DemoAnalysis[] = [
  {
    title: 'Persons by sex and type 2 diabetes',
    kind: 'count',
    params: { dataset: DEMO_DATASET, groupBy: ['sex', 'diabetes'] },
  },
  {
    title: 'Body mass index by sex',
    kind: 'summary',
    params: { dataset: DEMO_DATASET, variable: 'bmi', groupBy: ['sex'] },
  },
  {
    title: 'Distribution of HbA1c at baseline',
    kind: 'histogram',
    params: {
      dataset: DEMO_DATASET,
      variable: 'hba1c',
      edges: [4, 5, 5.5, 6, 6.5, 7, 8, 12],
    },
  },
  {
    title: 'Odds of type 2 diabetes by age, sex, BMI and smoking',
    kind: 'logistic-regression',
    params: {
      dataset: DEMO_DATASET,
      outcome: 'diabetes',
      predictors: ['age', 'sex', 'bmi', 'smoker'],
      reference: { sex: 'female', smoker: 'never' },
    },
  },
  {
    title: 'Freedom from a first cardiovascular event',
    kind: 'kaplan-meier',
    params: {
      dataset: DEMO_DATASET,
      time: 'followup_days',
      event: 'cvd_event',
      bins: THREE_YEAR_EDGES,
    },
  },
];

/** A count so narrow that a node's count falls below the minimum: its airlock holds it. */
export const SMALL_CELL_ANALYSIS: DemoAnalysis = {
  title: 'Current smokers aged 75 or more',
  kind: 'count',
  params: {
    dataset: DEMO_DATASET,
    filters: [
      { variable: 'age', op: 'ge', value: 75 },
      { variable: 'smoker', op: 'eq', value: 'current' },
    ],
  },
};
