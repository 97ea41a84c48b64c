/**
 * A writer thread that dies (out of memory, an uncaught exception), or whose
 * h5wasm aborts or keeps a file open, is replaced; its scan's write is
 * retried like an I/O error and the written scan says what happened to the
 * attempt before. The threads come from the test module that fails a scan's
 * first attempt on request (test/helpers/failing-write-thread.ts).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixtureText } from '../helpers/fixtures.js';
import { startHarness, type Harness } from '../helpers/gateway-harness.js';
import { ScanClient } from '../helpers/scan-client.js';

const THREAD_MODULE = new URL('../helpers/failing-write-thread.js', import.meta.url);
const THREAD_MEMORY_MB = 256;

describe('writer threads that die or go bad', () => {
  let harness: Harness;
  let client: ScanClient;

  before(async () => {
    harness = await startHarness({
      env: { WRITE_THREAD_MEMORY_MB: String(THREAD_MEMORY_MB) },
      threadModule: THREAD_MODULE,
    });
    client = new ScanClient(harness.baseUrl);
  });
  after(async () => harness.close());

  const writeScan = async (title: string): Promise<string[]> => {
    const scanId = await client.open({ beamline: 'MOGNO', proposal: 'p1', technique: 'CT', title });
    await client.entry(scanId, fixtureText('mogno-tomography-start'));
    await client.close(scanId);
    const status = await client.waitWritten(scanId);
    return status.warnings;
  };

  const threadId = async (): Promise<number> =>
    (await harness.worker?.pool.threadState())?.threadId ?? -1;

  it('a thread out of memory: the thread is replaced and the write retried', async () => {
    const before = await threadId();
    const warnings = await writeScan('fail:oom');
    assert.match(
      warnings[0] ?? '',
      new RegExp(
        `^written after a failed attempt: the writer thread died: it ran out of memory ` +
          `\\(WRITE_THREAD_MEMORY_MB=${THREAD_MEMORY_MB}\\)`,
      ),
    );
    assert.notEqual(await threadId(), before);
  });

  it('an uncaught exception in the thread: the same', async () => {
    const before = await threadId();
    const warnings = await writeScan('fail:throw');
    assert.equal(
      warnings[0],
      'written after a failed attempt: the writer thread died: a bug in the writer thread',
    );
    assert.notEqual(await threadId(), before);
  });

  it('an h5wasm abort mid-write: the failed write names it, and its thread is replaced', async () => {
    const before = await threadId();
    const warnings = await writeScan('fail:abort');
    assert.match(
      warnings[0] ?? '',
      /^written after a failed attempt: cannot write NeXus file .*: .*Aborted\(.*\(the writer thread was replaced: h5wasm aborted: 'HEAP8' was not exported/,
    );
    assert.notEqual(await threadId(), before);
  });

  it('HDF5 left holding a file: the file is written, then its thread is replaced', async () => {
    const before = await threadId();
    const warnings = await writeScan('fail:leak');
    assert.ok(
      warnings.every((warning) => !warning.startsWith('written after')),
      'the write itself succeeded',
    );
    const state = await harness.worker?.pool.threadState();
    assert.notEqual(state?.threadId, before);
    assert.deepEqual(state?.openFiles, []);
  });

  it('a healthy thread keeps its h5wasm from one file to the next', async () => {
    const before = await threadId();
    await writeScan('plain');
    await writeScan('plain again');
    assert.equal(await threadId(), before);
  });
});
