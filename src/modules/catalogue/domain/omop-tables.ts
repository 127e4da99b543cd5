/**
 * The OMOP CDM v5.4 tables a node imports, with their columns. A CSV file
 * must hold every required column; optional ones may be absent.
 */
export type OmopColumnType = 'bigint' | 'integer' | 'numeric' | 'date' | 'timestamp' | 'text';

export interface OmopColumn {
  readonly name: string;
  readonly type: OmopColumnType;
  readonly required: boolean;
  /** Maximum length of a text column. */
  readonly maxLength?: number;
}

export interface OmopReference {
  readonly column: string;
  readonly table: OmopTableName;
  readonly targetColumn: string;
}

export interface OmopTable {
  readonly name: OmopTableName;
  readonly primaryKey: string;
  readonly columns: readonly OmopColumn[];
  readonly references: readonly OmopReference[];
}

export const OMOP_TABLE_NAMES = [
  'person',
  'observation_period',
  'visit_occurrence',
  'condition_occurrence',
  'drug_exposure',
  'measurement',
  'observation',
  'death',
] as const;

export type OmopTableName = (typeof OMOP_TABLE_NAMES)[number];

const req = (name: string, type: OmopColumnType): OmopColumn => ({ name, type, required: true });
const opt = (name: string, type: OmopColumnType, maxLength?: number): OmopColumn => ({
  name,
  type,
  required: false,
  ...(maxLength ? { maxLength } : {}),
});
const text50 = (name: string) => opt(name, 'text', 50);
const toPerson: OmopReference = { column: 'person_id', table: 'person', targetColumn: 'person_id' };
const toVisit: OmopReference = {
  column: 'visit_occurrence_id',
  table: 'visit_occurrence',
  targetColumn: 'visit_occurrence_id',
};

export const OMOP_TABLES: Record<OmopTableName, OmopTable> = {
  person: {
    name: 'person',
    primaryKey: 'person_id',
    columns: [
      req('person_id', 'bigint'),
      req('gender_concept_id', 'integer'),
      req('year_of_birth', 'integer'),
      opt('month_of_birth', 'integer'),
      opt('day_of_birth', 'integer'),
      opt('birth_datetime', 'timestamp'),
      req('race_concept_id', 'integer'),
      req('ethnicity_concept_id', 'integer'),
      opt('location_id', 'bigint'),
      opt('provider_id', 'bigint'),
      opt('care_site_id', 'bigint'),
      text50('person_source_value'),
      text50('gender_source_value'),
      opt('gender_source_concept_id', 'integer'),
      text50('race_source_value'),
      opt('race_source_concept_id', 'integer'),
      text50('ethnicity_source_value'),
      opt('ethnicity_source_concept_id', 'integer'),
    ],
    references: [],
  },
  observation_period: {
    name: 'observation_period',
    primaryKey: 'observation_period_id',
    columns: [
      req('observation_period_id', 'bigint'),
      req('person_id', 'bigint'),
      req('observation_period_start_date', 'date'),
      req('observation_period_end_date', 'date'),
      req('period_type_concept_id', 'integer'),
    ],
    references: [toPerson],
  },
  visit_occurrence: {
    name: 'visit_occurrence',
    primaryKey: 'visit_occurrence_id',
    columns: [
      req('visit_occurrence_id', 'bigint'),
      req('person_id', 'bigint'),
      req('visit_concept_id', 'integer'),
      req('visit_start_date', 'date'),
      opt('visit_start_datetime', 'timestamp'),
      req('visit_end_date', 'date'),
      opt('visit_end_datetime', 'timestamp'),
      req('visit_type_concept_id', 'integer'),
      opt('provider_id', 'bigint'),
      opt('care_site_id', 'bigint'),
      text50('visit_source_value'),
      opt('visit_source_concept_id', 'integer'),
      opt('admitted_from_concept_id', 'integer'),
      text50('admitted_from_source_value'),
      opt('discharged_to_concept_id', 'integer'),
      text50('discharged_to_source_value'),
      opt('preceding_visit_occurrence_id', 'bigint'),
    ],
    references: [toPerson],
  },
  condition_occurrence: {
    name: 'condition_occurrence',
    primaryKey: 'condition_occurrence_id',
    columns: [
      req('condition_occurrence_id', 'bigint'),
      req('person_id', 'bigint'),
      req('condition_concept_id', 'integer'),
      req('condition_start_date', 'date'),
      opt('condition_start_datetime', 'timestamp'),
      opt('condition_end_date', 'date'),
      opt('condition_end_datetime', 'timestamp'),
      req('condition_type_concept_id', 'integer'),
      opt('condition_status_concept_id', 'integer'),
      opt('stop_reason', 'text', 20),
      opt('provider_id', 'bigint'),
      opt('visit_occurrence_id', 'bigint'),
      opt('visit_detail_id', 'bigint'),
      text50('condition_source_value'),
      opt('condition_source_concept_id', 'integer'),
      text50('condition_status_source_value'),
    ],
    references: [toPerson, toVisit],
  },
  drug_exposure: {
    name: 'drug_exposure',
    primaryKey: 'drug_exposure_id',
    columns: [
      req('drug_exposure_id', 'bigint'),
      req('person_id', 'bigint'),
      req('drug_concept_id', 'integer'),
      req('drug_exposure_start_date', 'date'),
      opt('drug_exposure_start_datetime', 'timestamp'),
      req('drug_exposure_end_date', 'date'),
      opt('drug_exposure_end_datetime', 'timestamp'),
      opt('verbatim_end_date', 'date'),
      req('drug_type_concept_id', 'integer'),
      opt('stop_reason', 'text', 20),
      opt('refills', 'integer'),
      opt('quantity', 'numeric'),
      opt('days_supply', 'integer'),
      opt('sig', 'text', 4000),
      opt('route_concept_id', 'integer'),
      text50('lot_number'),
      opt('provider_id', 'bigint'),
      opt('visit_occurrence_id', 'bigint'),
      opt('visit_detail_id', 'bigint'),
      text50('drug_source_value'),
      opt('drug_source_concept_id', 'integer'),
      text50('route_source_value'),
      text50('dose_unit_source_value'),
    ],
    references: [toPerson, toVisit],
  },
  measurement: {
    name: 'measurement',
    primaryKey: 'measurement_id',
    columns: [
      req('measurement_id', 'bigint'),
      req('person_id', 'bigint'),
      req('measurement_concept_id', 'integer'),
      req('measurement_date', 'date'),
      opt('measurement_datetime', 'timestamp'),
      opt('measurement_time', 'text', 10),
      req('measurement_type_concept_id', 'integer'),
      opt('operator_concept_id', 'integer'),
      opt('value_as_number', 'numeric'),
      opt('value_as_concept_id', 'integer'),
      opt('unit_concept_id', 'integer'),
      opt('range_low', 'numeric'),
      opt('range_high', 'numeric'),
      opt('provider_id', 'bigint'),
      opt('visit_occurrence_id', 'bigint'),
      opt('visit_detail_id', 'bigint'),
      text50('measurement_source_value'),
      opt('measurement_source_concept_id', 'integer'),
      text50('unit_source_value'),
      opt('unit_source_concept_id', 'integer'),
      text50('value_source_value'),
      opt('measurement_event_id', 'bigint'),
      opt('meas_event_field_concept_id', 'integer'),
    ],
    references: [toPerson, toVisit],
  },
  observation: {
    name: 'observation',
    primaryKey: 'observation_id',
    columns: [
      req('observation_id', 'bigint'),
      req('person_id', 'bigint'),
      req('observation_concept_id', 'integer'),
      req('observation_date', 'date'),
      opt('observation_datetime', 'timestamp'),
      req('observation_type_concept_id', 'integer'),
      opt('value_as_number', 'numeric'),
      opt('value_as_string', 'text', 60),
      opt('value_as_concept_id', 'integer'),
      opt('qualifier_concept_id', 'integer'),
      opt('unit_concept_id', 'integer'),
      opt('provider_id', 'bigint'),
      opt('visit_occurrence_id', 'bigint'),
      opt('visit_detail_id', 'bigint'),
      text50('observation_source_value'),
      opt('observation_source_concept_id', 'integer'),
      text50('unit_source_value'),
      text50('qualifier_source_value'),
      text50('value_source_value'),
      opt('observation_event_id', 'bigint'),
      opt('obs_event_field_concept_id', 'integer'),
    ],
    references: [toPerson, toVisit],
  },
  death: {
    name: 'death',
    primaryKey: 'person_id',
    columns: [
      req('person_id', 'bigint'),
      req('death_date', 'date'),
      opt('death_datetime', 'timestamp'),
      opt('death_type_concept_id', 'integer'),
      opt('cause_concept_id', 'integer'),
      text50('cause_source_value'),
      opt('cause_source_concept_id', 'integer'),
    ],
    references: [toPerson],
  },
};
