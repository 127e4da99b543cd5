import { z } from 'zod';
import { NAME_PATTERN, VERSION_PATTERN } from '../domain/data-dictionary';

export const datasetIdSchema = z
  .string()
  .regex(NAME_PATTERN, 'must be 1-40 lower-case letters, digits or _, starting with a letter');

export const datasetVersionSchema = z
  .string()
  .regex(
    VERSION_PATTERN,
    'must be 1-40 letters, digits, dots, dashes or _, starting with a letter or digit',
  );

/** The dataset and version a registration names in its path. */
export const datasetVersionPathSchema = z.object({
  id: datasetIdSchema,
  version: datasetVersionSchema,
});

/** The name a request gives its file in `Content-Disposition: attachment; filename="…"`, if any. */
export function uploadFileName(contentDisposition: string | undefined): string | undefined {
  const name = /filename="?([^";/\\]{1,200})"?/i.exec(contentDisposition ?? '')?.[1]?.trim();
  return name && /^[\w .()-]+$/.test(name) ? name : undefined;
}
