import { createHash } from 'node:crypto';
import { Readable, Transform, TransformCallback } from 'node:stream';
import { headerColumns } from './csv-file';

const MAX_HEADER_BYTES = 64 * 1024;

/** The file has no header line a dataset could have. */
export class CsvHeaderError extends Error {
  override readonly name = 'CsvHeaderError';
}

/**
 * A CSV file's bytes on their way to the database: takes off the header line
 * (`header`), passes the rows on, and counts and hashes every byte. The
 * source is piped in and never destroyed from here, so an HTTP request whose
 * upload is refused can still be answered.
 */
export class CsvUploadStream extends Transform {
  readonly header: Promise<string[]>;
  private resolveHeader!: (columns: string[]) => void;
  private rejectHeader!: (error: Error) => void;
  private headerBytes: Buffer[] = [];
  private headerDone = false;
  private readonly hash = createHash('sha256');
  private bytesRead = 0;

  constructor(
    source: Readable,
    private readonly onBytes: (bytes: number) => void = () => undefined,
  ) {
    super();
    this.header = new Promise((resolve, reject) => {
      this.resolveHeader = resolve;
      this.rejectHeader = reject;
    });
    // A failure reaches the caller through `header` or through the COPY reading
    // this stream; without a listener it would also be an uncaught 'error' event.
    this.header.catch(() => undefined);
    this.on('error', () => undefined);
    source.on('error', (error) => this.destroy(error));
    source.pipe(this);
  }

  get bytes(): number {
    return this.bytesRead;
  }

  /** The SHA-256 of every byte read, once the stream has ended. */
  sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.bytesRead += chunk.length;
    this.hash.update(chunk);
    this.onBytes(this.bytesRead);
    if (this.headerDone) return done(null, chunk);
    this.headerBytes.push(chunk);
    const all = Buffer.concat(this.headerBytes);
    const end = all.indexOf(0x0a);
    if (end < 0) {
      this.headerBytes = [all];
      if (all.length > MAX_HEADER_BYTES) {
        return done(new CsvHeaderError(`is longer than ${MAX_HEADER_BYTES} bytes`));
      }
      return done();
    }
    this.endHeader(all.subarray(0, end));
    done(null, all.subarray(end + 1));
  }

  override _flush(done: TransformCallback): void {
    if (!this.headerDone) this.endHeader(Buffer.concat(this.headerBytes));
    done();
  }

  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    this.rejectHeader(error ?? new Error('the upload ended early'));
    done(error);
  }

  private endHeader(line: Buffer): void {
    this.headerDone = true;
    this.headerBytes = [];
    this.resolveHeader(line.length > 0 ? headerColumns(line.toString('utf8')) : []);
  }
}
