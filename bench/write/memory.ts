/**
 * The memory check: many writes through one warm writer thread, with the
 * process's resident memory and the thread's WebAssembly memory at the start
 * (after a warm-up) and the end. Both should stay flat.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { WritePool } from '../../apps/worker/src/write-pool.js';
import type { WriteRequest } from '../../apps/worker/src/write-request.js';

const WARM_UP = 50;

export interface MemoryCheck {
  writes: number;
  warmUp: number;
  start: { rssMiB: number; wasmMiB: number };
  end: { rssMiB: number; wasmMiB: number };
  openFilesAtEnd: number;
  threadReplaced: boolean;
}

const mib = (bytes: number): number => Math.round((bytes / 2 ** 20) * 10) / 10;

export async function checkMemory(root: string, writes: number): Promise<MemoryCheck> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'bench-memory-'));
  const pool = new WritePool({ threads: 1, threadMemoryMb: 2048, log: () => undefined });
  const fixture = (name: string): string =>
    readFileSync(path.join(root, 'test/fixtures/assonant', `${name}.json`), 'utf8');
  const request = (i: number): WriteRequest => ({
    scan: {
      scanId: `m${i}`,
      beamline: 'MOGNO',
      proposal: 'bench',
      technique: 'CT',
      createdAt: new Date().toISOString(),
    },
    entries: [
      ['start', fixture('mogno-tomography-start')],
      ['during', fixture('mogno-tomography-during')],
    ],
    devices: [],
    finalPath: path.join(dir, `m${i % 10}.nxs`),
    linkRoot: dir,
    creator: 'bench',
    fileTime: new Date().toISOString(),
    beamlineOverridesDir: path.join(root, 'config/beamlines'),
  });
  const write = async (i: number): Promise<void> => {
    const outcome = await pool.write(request(i));
    if (!outcome.ok) throw new Error(`write ${i} failed: ${outcome.message}`);
  };
  const sample = async (): Promise<{
    rssMiB: number;
    wasmMiB: number;
    threadId: number;
    open: number;
  }> => {
    const state = await pool.threadState();
    return {
      rssMiB: mib(process.memoryUsage().rss),
      wasmMiB: mib(state.heapBytes),
      threadId: state.threadId,
      open: state.openFiles.length,
    };
  };
  try {
    for (let i = 0; i < WARM_UP; i += 1) await write(i);
    const start = await sample();
    for (let i = 0; i < writes; i += 1) await write(WARM_UP + i);
    const end = await sample();
    return {
      writes,
      warmUp: WARM_UP,
      start: { rssMiB: start.rssMiB, wasmMiB: start.wasmMiB },
      end: { rssMiB: end.rssMiB, wasmMiB: end.wasmMiB },
      openFilesAtEnd: end.open,
      threadReplaced: end.threadId !== start.threadId,
    };
  } finally {
    await pool.close();
    await rm(dir, { recursive: true, force: true });
  }
}
