/**
 * OMOP standard concept ids the generator writes and the shipped
 * `cardiometabolic` dataset reads (datasets/cardiometabolic.json).
 */
export const CONCEPT = {
  male: 8507,
  female: 8532,
  ehrRecord: 32817,
  outpatientVisit: 9202,
  inpatientVisit: 9201,
  type2Diabetes: 201826,
  myocardialInfarction: 4329847,
  stroke: 443454,
  metformin: 1503297,
  bodyMassIndex: 3038553,
  hba1c: 3004410,
  kilogramPerSquareMetre: 9531,
  percent: 8554,
  tobaccoSmokingStatus: 43054909,
  neverSmoker: 45879404,
  formerSmoker: 45883458,
  currentSmoker: 45881517,
} as const;
