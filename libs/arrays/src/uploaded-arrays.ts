/**
 * A scan's uploads as the mapping sees them (libs/nexus UploadedData): each
 * array by its id; each stream's frames stacked `[n, …frame]` in index
 * order, whatever order they came in. Indices missing below the highest are
 * not filled: the frames there are stacked without them and a warning names
 * the gaps.
 */
import type { BinaryReferenceJson } from '#libs/model/src/rules/binary-reference.js';
import { parseCompression, type SpooledValue, type UploadedData } from '#libs/nexus/src/index.js';
import type { ArrayRecord } from './array-records.js';
import type { ArraySpool } from './array-spool.js';
import { parseDtype } from './dtype.js';
import { missingIndices } from './frame-streams.js';

export function uploadedArrays(records: readonly ArrayRecord[], spool: ArraySpool): UploadedData {
  const arrays = new Map<string, ArrayRecord>();
  const streams = new Map<string, ArrayRecord[]>();
  for (const record of records) {
    if (record.stream === undefined) arrays.set(record.arrayId, record);
    else streams.set(record.stream, [...(streams.get(record.stream) ?? []), record]);
  }
  for (const frames of streams.values()) frames.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  const named = new Set<string>();

  const arrayValue = (record: ArrayRecord): SpooledValue => ({
    ...spooled(record, [spool.file(record.scanId, record.arrayId)]),
    shape: record.shape,
    source: `array ${record.arrayId}`,
  });
  const streamValue = (name: string, frames: ArrayRecord[]): SpooledValue => {
    const first = frames[0] as ArrayRecord;
    return {
      ...spooled(
        first,
        frames.map((frame) => spool.file(frame.scanId, frame.arrayId)),
      ),
      shape: [frames.length, ...first.shape],
      source: `stream ${name}`,
    };
  };

  return {
    resolve(reference: BinaryReferenceJson) {
      if ('array' in reference) {
        const record = arrays.get(reference.array);
        if (record === undefined) {
          return { problem: `array ${reference.array} is not one of this scan's arrays` };
        }
        named.add(`array ${record.arrayId}`);
        return arrayValue(record);
      }
      const frames = streams.get(reference.stream);
      if (frames === undefined) return { problem: `stream ${reference.stream} has no frames` };
      named.add(`stream ${reference.stream}`);
      return streamValue(reference.stream, frames);
    },
    unreferenced() {
      return [
        ...[...arrays.values()]
          .filter((record) => !named.has(`array ${record.arrayId}`))
          .map((record) => ({ name: record.arrayId, value: arrayValue(record) })),
        ...[...streams.entries()]
          .filter(([name]) => !named.has(`stream ${name}`))
          .map(([name, frames]) => ({ name, value: streamValue(name, frames) })),
      ];
    },
    warnings() {
      return [...streams.entries()].flatMap(([name, frames]) => {
        const missing = missingIndices(frames.map((frame) => frame.index ?? 0));
        return missing.length === 0
          ? []
          : [
              `stream ${name}: frame indices ${missingText(missing)} never came; its ${frames.length} frames are stacked in index order without them`,
            ];
      });
    },
  };
}

function spooled(record: ArrayRecord, parts: string[]): Omit<SpooledValue, 'shape' | 'source'> {
  const dtype = parseDtype(record.dtype);
  if ('problem' in dtype) throw new Error(`${record.arrayId}: ${dtype.problem}`);
  const compression =
    record.compression === undefined ? undefined : parseCompression(record.compression);
  return {
    dtype: 'spooled',
    element: dtype.name,
    itemSize: dtype.itemSize,
    parts,
    ...(compression !== undefined && !('problem' in compression) ? { compression } : {}),
  };
}

/** `3, 5-9, 12`: runs shortened, at most 20 shown. */
export function missingText(missing: readonly number[]): string {
  const runs: string[] = [];
  let start = missing[0];
  for (let i = 1; i <= missing.length; i++) {
    const previous = missing[i - 1] as number;
    const current = missing[i];
    if (current !== previous + 1) {
      runs.push(start === previous ? `${previous}` : `${start}-${previous}`);
      start = current;
    }
  }
  const shown = runs.slice(0, 20).join(', ');
  return runs.length > 20 ? `${shown}, … (${missing.length} in all)` : shown;
}
