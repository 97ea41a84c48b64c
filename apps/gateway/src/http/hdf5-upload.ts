/**
 * The body of an `application/x-hdf5` request, not yet read. It is read to
 * the spool only when the handler asks, after the guards and the query
 * checks passed, so that a refused request writes nothing to disk.
 */
import type { Readable } from 'node:stream';
import type { UploadSpool } from './upload-spool.js';

export class Hdf5Upload {
  private readonly aborter = new AbortController();
  private file: string | undefined;
  private discarded = false;

  constructor(
    private readonly body: Readable,
    private readonly spool: UploadSpool,
  ) {}

  /** Aborted when the client goes away; stops the spooling and the validation. */
  get signal(): AbortSignal {
    return this.aborter.signal;
  }

  /** Streams the body to the spool, once, and gives the file. */
  async toFile(): Promise<string> {
    if (this.file !== undefined) return this.file;
    const file = await this.spool.write(this.body, this.signal);
    if (this.discarded) {
      await this.spool.remove(file); // the request ended while the last bytes were written
      throw new Error('the request ended before its upload was spooled');
    }
    this.file = file;
    return file;
  }

  abort(): void {
    this.aborter.abort();
  }

  /** Removes the spooled file, if any; the request is over. */
  async discard(): Promise<void> {
    this.discarded = true;
    if (this.file !== undefined) await this.spool.remove(this.file);
  }
}
