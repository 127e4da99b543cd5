import { z } from 'zod';
import { NODE_ID_PATTERN } from '../../../config/env.schema';
import { DatasetOriginKind } from '../domain/dataset';
import { NodeCatalogue } from '../domain/health-dcat';

const TYPE_BY_WIRE = {
  VARIABLE_TYPE_INTEGER: 'integer',
  VARIABLE_TYPE_NUMBER: 'number',
  VARIABLE_TYPE_BOOLEAN: 'boolean',
  VARIABLE_TYPE_DATE: 'date',
  VARIABLE_TYPE_CATEGORY: 'category',
} as const;

export const WIRE_BY_TYPE = Object.fromEntries(
  Object.entries(TYPE_BY_WIRE).map(([wire, type]) => [type, wire]),
) as Record<(typeof TYPE_BY_WIRE)[keyof typeof TYPE_BY_WIRE], keyof typeof TYPE_BY_WIRE>;

const ORIGIN_BY_WIRE = {
  DATASET_ORIGIN_UNSPECIFIED: 'omop',
  DATASET_ORIGIN_OMOP: 'omop',
  DATASET_ORIGIN_CSV: 'csv',
} as const;

export const WIRE_BY_ORIGIN = {
  omop: 'DATASET_ORIGIN_OMOP',
  csv: 'DATASET_ORIGIN_CSV',
} as const satisfies Record<DatasetOriginKind, keyof typeof ORIGIN_BY_WIRE>;

export const listDatasetsRequestSchema = z.object({});

/** A peer's ListDatasetsResponse, checked and turned into its catalogue. */
export const listDatasetsResponseSchema = z
  .object({
    nodeId: z.string().regex(NODE_ID_PATTERN),
    country: z.string().regex(/^[A-Z]{2}$/),
    hdabName: z.string().min(1).max(200),
    contactEmail: z.string().max(200),
    datasets: z
      .array(
        z.object({
          id: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/),
          title: z.string().max(200),
          description: z.string().max(5000),
          keywords: z.array(z.string().max(60)).max(30),
          numberOfRecordsRounded: z.coerce.number().int().min(0),
          refreshedAt: z.string().max(40),
          version: z.string().max(40).default(''),
          origin: z
            .enum(Object.keys(ORIGIN_BY_WIRE) as [keyof typeof ORIGIN_BY_WIRE])
            .default('DATASET_ORIGIN_UNSPECIFIED'),
          variables: z
            .array(
              z.object({
                name: z.string().max(40),
                type: z.enum(Object.keys(TYPE_BY_WIRE) as [keyof typeof TYPE_BY_WIRE]),
                description: z.string().max(1000),
                unit: z.string().max(40),
                levels: z.array(z.string().max(100)).max(100),
                required: z.boolean().default(false),
              }),
            )
            .max(500),
        }),
      )
      .max(1000),
  })
  .transform((r): NodeCatalogue => ({
    publisher: {
      nodeId: r.nodeId,
      country: r.country,
      hdabName: r.hdabName,
      contactEmail: r.contactEmail,
    },
    datasets: r.datasets.map((d) => ({
      id: d.id,
      title: d.title,
      description: d.description,
      keywords: d.keywords,
      origin: ORIGIN_BY_WIRE[d.origin],
      ...(d.version ? { version: d.version } : {}),
      ...(d.numberOfRecordsRounded > 0 ? { numberOfRecords: d.numberOfRecordsRounded } : {}),
      refreshedAt: d.refreshedAt,
      variables: d.variables.map((v) => ({
        name: v.name,
        type: TYPE_BY_WIRE[v.type],
        description: v.description,
        ...(v.unit ? { unit: v.unit } : {}),
        ...(v.levels.length > 0 ? { levels: v.levels } : {}),
        ...(v.required ? { required: true } : {}),
      })),
    })),
  }));
