import { CONCEPT } from './concepts';
import { CountryProfile } from './country-profiles';
import { Random } from './prng';

/** Follow-up runs from 2015-01-01 to 2024-12-31. */
export const STUDY_START = Date.UTC(2015, 0, 1);
export const FOLLOW_UP_DAYS = 3652;
const DAY_MS = 86_400_000;

export const SYNTHETIC_TABLES = {
  person:
    'person_id,gender_concept_id,year_of_birth,month_of_birth,day_of_birth,race_concept_id,ethnicity_concept_id',
  observation_period:
    'observation_period_id,person_id,observation_period_start_date,observation_period_end_date,period_type_concept_id',
  visit_occurrence:
    'visit_occurrence_id,person_id,visit_concept_id,visit_start_date,visit_end_date,visit_type_concept_id',
  condition_occurrence:
    'condition_occurrence_id,person_id,condition_concept_id,condition_start_date,condition_type_concept_id,visit_occurrence_id',
  drug_exposure:
    'drug_exposure_id,person_id,drug_concept_id,drug_exposure_start_date,drug_exposure_end_date,drug_type_concept_id,days_supply,visit_occurrence_id',
  measurement:
    'measurement_id,person_id,measurement_concept_id,measurement_date,measurement_type_concept_id,value_as_number,unit_concept_id,visit_occurrence_id',
  observation:
    'observation_id,person_id,observation_concept_id,observation_date,observation_type_concept_id,value_as_concept_id,visit_occurrence_id',
  death: 'person_id,death_date,death_type_concept_id',
} as const;

export type SyntheticTable = keyof typeof SYNTHETIC_TABLES;

/** The CSV lines one person contributes to each table. */
export type PersonRows = Record<SyntheticTable, string[]>;

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const round1 = (x: number) => Math.round(x * 10) / 10;
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const LN = {
  dm: Math.log(1.9),
  current: Math.log(1.7),
  former: Math.log(1.25),
  male: Math.log(1.45),
};

/**
 * A synthetic country, person by person: the same seed and profile give
 * the same rows. Built-in truths: diabetes odds rise with age, BMI, male
 * sex and smoking; cardiovascular and death hazards rise with diabetes,
 * smoking, male sex and age.
 */
export class SyntheticPopulation {
  private readonly rng: Random;
  private readonly dates: string[] = [];
  private ids = { period: 0, visit: 0, condition: 0, drug: 0, measurement: 0, observation: 0 };

  constructor(
    seed: string,
    private readonly profile: CountryProfile,
  ) {
    this.rng = new Random(seed);
    for (let d = 0; d <= FOLLOW_UP_DAYS + 400; d++) {
      this.dates.push(new Date(STUDY_START + d * DAY_MS).toISOString().slice(0, 10));
    }
  }

  /** Appends person `personId`'s rows to `rows`. */
  next(personId: number, rows: PersonRows): void {
    const { rng, profile } = this;
    const male = rng.bernoulli(0.49);
    const age = clamp(Math.round(rng.normal(profile.ageMean, profile.ageSd)), 18, 95);
    const u = rng.next();
    const currentP = profile.currentSmoker * (male ? 1.15 : 0.85);
    const current = u < currentP;
    const former = !current && u < currentP + profile.formerSmoker;
    const bmi = round1(
      clamp(rng.normal(profile.bmiMean + 0.04 * (age - 50) + (male ? 0.4 : 0), 4.3), 15, 60),
    );
    const diabetes = rng.bernoulli(
      sigmoid(
        profile.diabetesIntercept +
          0.045 * (age - 50) +
          0.14 * (bmi - 27) +
          0.35 * +male +
          0.25 * +current,
      ),
    );
    const hba1c = round1(
      diabetes
        ? clamp(rng.normal(7.3, 1.0), 5.5, 14)
        : clamp(rng.normal(5.35 + 0.006 * (age - 50), 0.33), 4, 6.4),
    );
    const cvdRate =
      profile.cvdHazard *
      Math.exp(
        LN.dm * +diabetes +
          LN.current * +current +
          LN.former * +former +
          LN.male * +male +
          0.065 * (age - 50) +
          0.03 * (bmi - 27),
      );
    const deathRate =
      profile.deathHazard *
      Math.exp(
        0.085 * (age - 50) +
          Math.log(1.6) * +diabetes +
          Math.log(1.9) * +current +
          Math.log(1.2) * +former +
          Math.log(1.3) * +male,
      );

    const baseline = rng.integer(0, 60);
    const deathYears = rng.exponential(deathRate);
    const cvdYears = rng.exponential(cvdRate);
    let deathDay = Math.floor(deathYears * 365.25);
    const died = deathDay <= FOLLOW_UP_DAYS;
    if (died) deathDay = Math.max(deathDay, baseline + 1);
    const end = died ? deathDay : FOLLOW_UP_DAYS;
    const cvdDay = Math.floor(cvdYears * 365.25);
    const cvd = cvdDay > baseline && cvdDay <= end;

    const d = this.dates;
    const ehr = CONCEPT.ehrRecord;
    rows.person.push(
      `${personId},${male ? CONCEPT.male : CONCEPT.female},${2015 - age},${rng.integer(1, 12)},${rng.integer(1, 28)},0,0`,
    );
    rows.observation_period.push(`${++this.ids.period},${personId},${d[0]},${d[end]},${ehr}`);

    const visit = ++this.ids.visit;
    rows.visit_occurrence.push(
      `${visit},${personId},${CONCEPT.outpatientVisit},${d[baseline]},${d[baseline]},${ehr}`,
    );
    rows.measurement.push(
      `${++this.ids.measurement},${personId},${CONCEPT.bodyMassIndex},${d[baseline]},${ehr},${bmi},${CONCEPT.kilogramPerSquareMetre},${visit}`,
      `${++this.ids.measurement},${personId},${CONCEPT.hba1c},${d[baseline]},${ehr},${hba1c},${CONCEPT.percent},${visit}`,
    );
    const smoking = current
      ? CONCEPT.currentSmoker
      : former
        ? CONCEPT.formerSmoker
        : CONCEPT.neverSmoker;
    rows.observation.push(
      `${++this.ids.observation},${personId},${CONCEPT.tobaccoSmokingStatus},${d[baseline]},${ehr},${smoking},${visit}`,
    );
    if (diabetes) {
      rows.condition_occurrence.push(
        `${++this.ids.condition},${personId},${CONCEPT.type2Diabetes},${d[baseline]},${ehr},${visit}`,
      );
      if (rng.bernoulli(0.75)) {
        const stop = Math.min(baseline + 364, end);
        rows.drug_exposure.push(
          `${++this.ids.drug},${personId},${CONCEPT.metformin},${d[baseline]},${d[stop]},${ehr},${stop - baseline + 1},${visit}`,
        );
      }
    }
    for (let k = rng.integer(0, 2); k > 0 && end > baseline + 1; k--) {
      const day = rng.integer(baseline + 1, end);
      rows.visit_occurrence.push(
        `${++this.ids.visit},${personId},${CONCEPT.outpatientVisit},${d[day]},${d[day]},${ehr}`,
      );
    }
    if (cvd) {
      const admission = ++this.ids.visit;
      const discharge = Math.min(cvdDay + rng.integer(1, 10), end);
      rows.visit_occurrence.push(
        `${admission},${personId},${CONCEPT.inpatientVisit},${d[cvdDay]},${d[discharge]},${ehr}`,
      );
      const event = rng.bernoulli(0.6) ? CONCEPT.myocardialInfarction : CONCEPT.stroke;
      rows.condition_occurrence.push(
        `${++this.ids.condition},${personId},${event},${d[cvdDay]},${ehr},${admission}`,
      );
    }
    if (died) rows.death.push(`${personId},${d[deathDay]},${ehr}`);
  }
}

export function emptyRows(): PersonRows {
  return {
    person: [],
    observation_period: [],
    visit_occurrence: [],
    condition_occurrence: [],
    drug_exposure: [],
    measurement: [],
    observation: [],
    death: [],
  };
}
