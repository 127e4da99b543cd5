/**
 * How a synthetic country differs from another: its age structure, BMI,
 * smoking and baseline risks. The effects of risk factors are the same
 * everywhere (see population.ts), so pooled analyses have one truth to find.
 */
export interface CountryProfile {
  readonly ageMean: number;
  readonly ageSd: number;
  readonly bmiMean: number;
  readonly currentSmoker: number;
  readonly formerSmoker: number;
  /** Log-odds of diabetes for a 50-year-old woman with BMI 27 who never smoked. */
  readonly diabetesIntercept: number;
  /** Yearly hazard of a first cardiovascular event at the same reference values. */
  readonly cvdHazard: number;
  /** Yearly hazard of death at the same reference values. */
  readonly deathHazard: number;
}

const PROFILES: Record<string, CountryProfile> = {
  DE: {
    ageMean: 52,
    ageSd: 17,
    bmiMean: 27.1,
    currentSmoker: 0.24,
    formerSmoker: 0.22,
    diabetesIntercept: -2.55,
    cvdHazard: 0.0065,
    deathHazard: 0.0055,
  },
  FR: {
    ageMean: 49,
    ageSd: 18,
    bmiMean: 25.6,
    currentSmoker: 0.3,
    formerSmoker: 0.2,
    diabetesIntercept: -2.85,
    cvdHazard: 0.0048,
    deathHazard: 0.0048,
  },
  NL: {
    ageMean: 47,
    ageSd: 17,
    bmiMean: 26.0,
    currentSmoker: 0.19,
    formerSmoker: 0.27,
    diabetesIntercept: -2.75,
    cvdHazard: 0.0052,
    deathHazard: 0.0046,
  },
};

/** The profile of a country; countries without one get a variation of DE's, fixed by the code. */
export function profileOf(country: string): CountryProfile {
  const known = PROFILES[country];
  if (known) return known;
  const shift = ((country.charCodeAt(0) * 31 + country.charCodeAt(1)) % 11) / 10 - 0.5;
  const base = PROFILES.DE!;
  return {
    ...base,
    ageMean: base.ageMean + 4 * shift,
    bmiMean: base.bmiMean + shift,
    currentSmoker: base.currentSmoker + 0.08 * shift,
    diabetesIntercept: base.diabetesIntercept + 0.3 * shift,
  };
}
