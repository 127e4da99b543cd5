import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { CsvHeaderError, CsvUploadStream } from './csv-upload-stream';

const bytesOf = (content: string, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(content.length / size) }, (_, i) =>
      Buffer.from(content.slice(i * size, (i + 1) * size)),
    ),
  );

describe('a CSV upload on its way to the database', () => {
  it('takes off the header line, however the bytes arrive, and counts and hashes them all', async () => {
    const content = '\uFEFF"Pid",Age\r\nA-1,34\r\nA-2,58\r\n';
    const seen: number[] = [];
    const upload = new CsvUploadStream(bytesOf(content, 3), (bytes) => seen.push(bytes));

    expect(await upload.header).toEqual(['pid', 'age']);
    expect(await text(upload)).toBe('A-1,34\r\nA-2,58\r\n');
    expect(upload.bytes).toBe(Buffer.byteLength(content));
    expect(seen.at(-1)).toBe(upload.bytes);
    expect(upload.sha256()).toBe(createHash('sha256').update(content).digest('hex'));
  });

  it('gives a header without rows, and no header for an empty file', async () => {
    const headerOnly = new CsvUploadStream(Readable.from([Buffer.from('pid,age')]));
    expect(await headerOnly.header).toEqual(['pid', 'age']);
    expect(await text(headerOnly)).toBe('');
    const empty = new CsvUploadStream(Readable.from([]));
    expect(await empty.header).toEqual([]);
  });

  it('fails, leaving the source to its owner, when the source fails or the header never ends', async () => {
    const source = new Readable({ read() {} });
    const upload = new CsvUploadStream(source);
    source.destroy(new Error('connection reset'));
    await expect(upload.header).rejects.toThrow('connection reset');

    const endless = new CsvUploadStream(Readable.from([Buffer.alloc(70 * 1024, 'a')]));
    await expect(endless.header).rejects.toThrow(CsvHeaderError);
  });
});
