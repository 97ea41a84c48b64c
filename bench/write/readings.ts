/**
 * Readings that become logs, at scale: a scan whose during moment gets
 * BENCH_READINGS single readings (one device event each, every event reading
 * the same 20 fields at its own time) against a scan that gets the same
 * samples as one TimeSeries event. Both go through the real service; the
 * figure is close → written on the server, in alternating rounds (A B A B),
 * and the median ratio of the two.
 */
import { median } from '../support/stats.js';

export const READINGS = Number(process.env.BENCH_READINGS ?? '10000');
const FIELDS = 20;
const T0 = Date.UTC(2024, 3, 25, 19, 0, 0) / 1000;
/** Events posted at once while a readings scan is filled. */
const POST_WIDTH = 16;

interface Status {
  status: string;
  closedAt?: string;
  writtenAt?: string;
  error?: string;
  warnings?: string[];
}

const fieldName = (index: number): string => `f${String(index).padStart(2, '0')}`;
const valueOf = (sample: number, field: number): number => sample * 0.001 + field;

function readingEvent(sample: number): string {
  const fields: string[] = [];
  for (let field = 0; field < FIELDS; field += 1) {
    fields.push(`"${fieldName(field)}":{"value":${valueOf(sample, field).toFixed(3)},"unit":"mm"}`);
  }
  const timestamp = new Date((T0 + sample * 0.01) * 1000).toISOString();
  return (
    `{"stage":"sample_acquisition","moment":"during","timestamp":"${timestamp}",` +
    `"eventId":"r${sample}","device":{"class":"Detector","name":"camera","fields":{${fields.join(',')}}}}`
  );
}

function seriesEvent(samples: number): string {
  const times = Array.from({ length: samples }, (_, s) => (T0 + s * 0.01).toFixed(2)).join(',');
  const fields: string[] = [];
  for (let field = 0; field < FIELDS; field += 1) {
    const values = Array.from({ length: samples }, (_, s) => valueOf(s, field).toFixed(3));
    fields.push(
      `"${fieldName(field)}":{"value":{"value":[${values.join(',')}],"unit":"mm"},` +
        `"timestamps":{"value":[${times}],"unit":"s"}}`,
    );
  }
  return (
    `{"stage":"sample_acquisition","moment":"during","eventId":"series",` +
    `"device":{"class":"Detector","name":"camera","fields":{${fields.join(',')}}}}`
  );
}

async function post(base: string, route: string, body?: string): Promise<void> {
  const response = await fetch(`${base}${route}`, {
    method: 'POST',
    ...(body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
  });
  if (response.status >= 300) {
    throw new Error(`POST ${route}: ${response.status} ${await response.text()}`);
  }
}

async function writtenMs(base: string, scanId: string): Promise<number> {
  await post(base, `/v1/scans/${scanId}/close`);
  for (;;) {
    const status = (await (await fetch(`${base}/v1/scans/${scanId}?wait=30`)).json()) as Status;
    if (status.status === 'failed') throw new Error(`${scanId} failed: ${status.error ?? ''}`);
    if (status.status === 'written') {
      return Date.parse(status.writtenAt ?? '') - Date.parse(status.closedAt ?? '');
    }
  }
}

async function open(base: string, scanId: string): Promise<void> {
  await post(
    base,
    '/v1/scans',
    JSON.stringify({ scanId, beamline: 'BENCH', proposal: 'readings', technique: 'CT' }),
  );
}

export interface ReadingsResult {
  readingsMs: number[];
  seriesMs: number[];
  ratio: number;
  readingsScans: string[];
  seriesScans: string[];
}

/** `rounds` of (one TimeSeries scan, one readings scan), each timed close → written. */
export async function benchReadings(base: string, rounds: number): Promise<ReadingsResult> {
  const readings = Array.from({ length: READINGS }, (_, sample) => readingEvent(sample));
  const series = seriesEvent(READINGS);
  const result: ReadingsResult = {
    readingsMs: [],
    seriesMs: [],
    ratio: 0,
    readingsScans: [],
    seriesScans: [],
  };
  const stamp = Date.now();
  for (let round = 0; round < rounds; round += 1) {
    const seriesScan = `series-${stamp}-${round}`;
    await open(base, seriesScan);
    await post(base, `/v1/scans/${seriesScan}/devices`, series);
    result.seriesMs.push(await writtenMs(base, seriesScan));
    result.seriesScans.push(seriesScan);

    const readingsScan = `readings-${stamp}-${round}`;
    await open(base, readingsScan);
    let next = 0;
    await Promise.all(
      Array.from({ length: POST_WIDTH }, async () => {
        for (let i = next++; i < readings.length; i = next++) {
          await post(base, `/v1/scans/${readingsScan}/devices`, readings[i]);
        }
      }),
    );
    result.readingsMs.push(await writtenMs(base, readingsScan));
    result.readingsScans.push(readingsScan);
  }
  result.ratio = median(result.readingsMs.map((ms, i) => ms / (result.seriesMs[i] ?? ms)));
  return result;
}
