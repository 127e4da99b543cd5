import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * OMOP CDM v5.4 tables (the subset a node imports), the register of analysis
 * datasets, and the schema their person-level tables are materialised in.
 */
export class OmopAndDatasets1764500000000 implements MigrationInterface {
  name = 'OmopAndDatasets1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE SCHEMA omop`);
    await q.query(`
      CREATE TABLE omop.person (
        person_id bigint NOT NULL,
        gender_concept_id integer NOT NULL,
        year_of_birth integer NOT NULL,
        month_of_birth integer,
        day_of_birth integer,
        birth_datetime timestamp,
        race_concept_id integer NOT NULL,
        ethnicity_concept_id integer NOT NULL,
        location_id bigint,
        provider_id bigint,
        care_site_id bigint,
        person_source_value varchar(50),
        gender_source_value varchar(50),
        gender_source_concept_id integer,
        race_source_value varchar(50),
        race_source_concept_id integer,
        ethnicity_source_value varchar(50),
        ethnicity_source_concept_id integer,
        PRIMARY KEY (person_id)
      )`);
    await q.query(`
      CREATE TABLE omop.observation_period (
        observation_period_id bigint NOT NULL,
        person_id bigint NOT NULL,
        observation_period_start_date date NOT NULL,
        observation_period_end_date date NOT NULL,
        period_type_concept_id integer NOT NULL,
        PRIMARY KEY (observation_period_id)
      )`);
    await q.query(`
      CREATE TABLE omop.visit_occurrence (
        visit_occurrence_id bigint NOT NULL,
        person_id bigint NOT NULL,
        visit_concept_id integer NOT NULL,
        visit_start_date date NOT NULL,
        visit_start_datetime timestamp,
        visit_end_date date NOT NULL,
        visit_end_datetime timestamp,
        visit_type_concept_id integer NOT NULL,
        provider_id bigint,
        care_site_id bigint,
        visit_source_value varchar(50),
        visit_source_concept_id integer,
        admitted_from_concept_id integer,
        admitted_from_source_value varchar(50),
        discharged_to_concept_id integer,
        discharged_to_source_value varchar(50),
        preceding_visit_occurrence_id bigint,
        PRIMARY KEY (visit_occurrence_id)
      )`);
    await q.query(`
      CREATE TABLE omop.condition_occurrence (
        condition_occurrence_id bigint NOT NULL,
        person_id bigint NOT NULL,
        condition_concept_id integer NOT NULL,
        condition_start_date date NOT NULL,
        condition_start_datetime timestamp,
        condition_end_date date,
        condition_end_datetime timestamp,
        condition_type_concept_id integer NOT NULL,
        condition_status_concept_id integer,
        stop_reason varchar(20),
        provider_id bigint,
        visit_occurrence_id bigint,
        visit_detail_id bigint,
        condition_source_value varchar(50),
        condition_source_concept_id integer,
        condition_status_source_value varchar(50),
        PRIMARY KEY (condition_occurrence_id)
      )`);
    await q.query(`
      CREATE TABLE omop.drug_exposure (
        drug_exposure_id bigint NOT NULL,
        person_id bigint NOT NULL,
        drug_concept_id integer NOT NULL,
        drug_exposure_start_date date NOT NULL,
        drug_exposure_start_datetime timestamp,
        drug_exposure_end_date date NOT NULL,
        drug_exposure_end_datetime timestamp,
        verbatim_end_date date,
        drug_type_concept_id integer NOT NULL,
        stop_reason varchar(20),
        refills integer,
        quantity numeric,
        days_supply integer,
        sig varchar(4000),
        route_concept_id integer,
        lot_number varchar(50),
        provider_id bigint,
        visit_occurrence_id bigint,
        visit_detail_id bigint,
        drug_source_value varchar(50),
        drug_source_concept_id integer,
        route_source_value varchar(50),
        dose_unit_source_value varchar(50),
        PRIMARY KEY (drug_exposure_id)
      )`);
    await q.query(`
      CREATE TABLE omop.measurement (
        measurement_id bigint NOT NULL,
        person_id bigint NOT NULL,
        measurement_concept_id integer NOT NULL,
        measurement_date date NOT NULL,
        measurement_datetime timestamp,
        measurement_time varchar(10),
        measurement_type_concept_id integer NOT NULL,
        operator_concept_id integer,
        value_as_number numeric,
        value_as_concept_id integer,
        unit_concept_id integer,
        range_low numeric,
        range_high numeric,
        provider_id bigint,
        visit_occurrence_id bigint,
        visit_detail_id bigint,
        measurement_source_value varchar(50),
        measurement_source_concept_id integer,
        unit_source_value varchar(50),
        unit_source_concept_id integer,
        value_source_value varchar(50),
        measurement_event_id bigint,
        meas_event_field_concept_id integer,
        PRIMARY KEY (measurement_id)
      )`);
    await q.query(`
      CREATE TABLE omop.observation (
        observation_id bigint NOT NULL,
        person_id bigint NOT NULL,
        observation_concept_id integer NOT NULL,
        observation_date date NOT NULL,
        observation_datetime timestamp,
        observation_type_concept_id integer NOT NULL,
        value_as_number numeric,
        value_as_string varchar(60),
        value_as_concept_id integer,
        qualifier_concept_id integer,
        unit_concept_id integer,
        provider_id bigint,
        visit_occurrence_id bigint,
        visit_detail_id bigint,
        observation_source_value varchar(50),
        observation_source_concept_id integer,
        unit_source_value varchar(50),
        qualifier_source_value varchar(50),
        value_source_value varchar(50),
        observation_event_id bigint,
        obs_event_field_concept_id integer,
        PRIMARY KEY (observation_id)
      )`);
    await q.query(`
      CREATE TABLE omop.death (
        person_id bigint NOT NULL,
        death_date date NOT NULL,
        death_datetime timestamp,
        death_type_concept_id integer,
        cause_concept_id integer,
        cause_source_value varchar(50),
        cause_source_concept_id integer,
        PRIMARY KEY (person_id)
      )`);
    await q.query(
      `ALTER TABLE omop.observation_period ADD FOREIGN KEY (person_id) REFERENCES omop.person (person_id)`,
    );
    await q.query(
      `ALTER TABLE omop.visit_occurrence ADD FOREIGN KEY (person_id) REFERENCES omop.person (person_id)`,
    );
    await q.query(
      `ALTER TABLE omop.condition_occurrence ADD FOREIGN KEY (person_id) REFERENCES omop.person (person_id)`,
    );
    await q.query(
      `ALTER TABLE omop.condition_occurrence ADD FOREIGN KEY (visit_occurrence_id) REFERENCES omop.visit_occurrence (visit_occurrence_id)`,
    );
    await q.query(
      `ALTER TABLE omop.drug_exposure ADD FOREIGN KEY (person_id) REFERENCES omop.person (person_id)`,
    );
    await q.query(
      `ALTER TABLE omop.drug_exposure ADD FOREIGN KEY (visit_occurrence_id) REFERENCES omop.visit_occurrence (visit_occurrence_id)`,
    );
    await q.query(
      `ALTER TABLE omop.measurement ADD FOREIGN KEY (person_id) REFERENCES omop.person (person_id)`,
    );
    await q.query(
      `ALTER TABLE omop.measurement ADD FOREIGN KEY (visit_occurrence_id) REFERENCES omop.visit_occurrence (visit_occurrence_id)`,
    );
    await q.query(
      `ALTER TABLE omop.observation ADD FOREIGN KEY (person_id) REFERENCES omop.person (person_id)`,
    );
    await q.query(
      `ALTER TABLE omop.observation ADD FOREIGN KEY (visit_occurrence_id) REFERENCES omop.visit_occurrence (visit_occurrence_id)`,
    );
    await q.query(
      `ALTER TABLE omop.death ADD FOREIGN KEY (person_id) REFERENCES omop.person (person_id)`,
    );
    await q.query(`CREATE INDEX ON omop.observation_period (person_id)`);
    await q.query(`CREATE INDEX ON omop.visit_occurrence (person_id)`);
    await q.query(`CREATE INDEX ON omop.condition_occurrence (person_id)`);
    await q.query(`CREATE INDEX ON omop.drug_exposure (person_id)`);
    await q.query(`CREATE INDEX ON omop.measurement (person_id)`);
    await q.query(`CREATE INDEX ON omop.observation (person_id)`);
    await q.query(`CREATE SCHEMA datasets`);
    await q.query(`
      CREATE TABLE dataset (
        id            text PRIMARY KEY,
        title         text NOT NULL,
        description   text NOT NULL,
        keywords      jsonb NOT NULL,
        definition    text NOT NULL,
        variables     jsonb NOT NULL,
        person_count  bigint NOT NULL,
        defined_at    timestamptz NOT NULL,
        refreshed_at  timestamptz NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE dataset`);
    await q.query(`DROP SCHEMA datasets CASCADE`);
    await q.query(`DROP SCHEMA omop CASCADE`);
  }
}
