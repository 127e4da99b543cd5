import { createReadStream } from 'node:fs';
import { Readable, Transform } from 'node:stream';
import { createInterface } from 'node:readline';

/** The column names of a CSV file's header line (a BOM and quotes removed). */
export async function readCsvHeader(path: string): Promise<string[]> {
  const lines = createInterface({
    input: createReadStream(path, { end: 64 * 1024 }),
    crlfDelay: Infinity,
  });
  for await (const line of lines) {
    lines.close();
    return headerColumns(line);
  }
  return [];
}

/** The column names of a header line, lower-cased (a BOM, a line end and quotes removed). */
export function headerColumns(line: string): string[] {
  return line
    .replace(/^\uFEFF/, '')
    .replace(/\r$/, '')
    .split(',')
    .map((c) =>
      c
        .trim()
        .replace(/^"(.*)"$/, '$1')
        .toLowerCase(),
    );
}

/** The file's bytes after its header line. */
export function csvRowsAfterHeader(path: string): Readable {
  let headerDone = false;
  const skipHeader = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      if (headerDone) return done(null, chunk);
      const end = chunk.indexOf(0x0a);
      if (end < 0) return done();
      headerDone = true;
      done(null, chunk.subarray(end + 1));
    },
  });
  return createReadStream(path, { highWaterMark: 1024 * 1024 }).pipe(skipHeader);
}
