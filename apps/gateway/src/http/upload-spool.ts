/**
 * The directory where uploads wait while they are validated (SPOOL_DIR).
 * Only files this gateway named are ever removed from it, so a SPOOL_DIR set
 * to a directory with other files in it loses none of them.
 */
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { byteLimit } from '#libs/arrays/src/index.js';
import { DomainError } from '../problem/domain-error.js';

const SPOOLED_NAME = /^upload-[0-9a-f-]{36}\.h5$/;

export class UploadSpool {
  private readonly live = new Set<string>();

  constructor(
    readonly dir: string,
    /** Largest upload taken (UPLOAD_LIMIT_BYTES). */
    readonly limitBytes: number,
  ) {}

  /**
   * Removes what a gateway that died left in the directory, sparing the
   * uploads of this one (it runs once the server listens, so that building
   * the app for other ends, such as the OpenAPI generator, touches nothing).
   */
  async clearLeftovers(): Promise<void> {
    await mkdir(this.dir, { recursive: true });
    const names = await readdir(this.dir);
    await Promise.all(
      names
        .filter((n) => SPOOLED_NAME.test(n) && !this.live.has(path.join(this.dir, n)))
        .map((n) => rm(path.join(this.dir, n), { force: true })),
    );
  }

  /** Streams `body` to a new file; on any failure (too large, aborted) nothing is left. */
  async write(body: Readable, signal: AbortSignal): Promise<string> {
    const file = path.join(this.dir, `upload-${randomUUID()}.h5`);
    this.live.add(file);
    try {
      await mkdir(this.dir, { recursive: true });
      await pipeline(
        body,
        byteLimit(this.limitBytes, () => uploadTooLarge(this.limitBytes)),
        createWriteStream(file, { flags: 'wx' }),
        {
          signal,
        },
      );
      return file;
    } catch (error) {
      await this.remove(file);
      throw error;
    }
  }

  async remove(file: string): Promise<void> {
    await rm(file, { force: true });
    this.live.delete(file);
  }

  /** Removes every file still spooled: the gateway is closing. */
  async removeAll(): Promise<void> {
    await Promise.all([...this.live].map((file) => this.remove(file)));
  }
}

export function uploadTooLarge(limitBytes: number): DomainError {
  return new DomainError(
    'upload_too_large',
    `The file is larger than the upload limit of ${limitBytes} bytes (UPLOAD_LIMIT_BYTES).`,
  );
}
