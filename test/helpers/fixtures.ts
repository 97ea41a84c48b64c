/**
 * The Assonant example payloads (made by the real Assonant 2.7.1 classes, with
 * our `class` keys added) as raw JSON text: posting the text keeps `3.0` a
 * float literal, as a Python client would send it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../test/fixtures/assonant',
);

export type FixtureName =
  | 'mogno-tomography-start'
  | 'mogno-tomography-during'
  | 'manaca-mx-start'
  | 'device-snapshot-monochromator'
  | 'experiment-done-event';

export function fixtureText(name: FixtureName): string {
  return readFileSync(path.join(DIR, `${name}.json`), 'utf8');
}

export function fixture(name: FixtureName): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

/** A device event body whose device is the monochromator snapshot, as raw JSON text. */
export function deviceEventText(options: {
  stage: string;
  moment: string;
  eventId?: string;
  timestamp?: string;
  device?: string;
}): string {
  const envelope: Record<string, string> = { stage: options.stage, moment: options.moment };
  if (options.eventId !== undefined) envelope.eventId = options.eventId;
  if (options.timestamp !== undefined) envelope.timestamp = options.timestamp;
  const head = JSON.stringify(envelope).slice(0, -1);
  return `${head},"device":${options.device ?? fixtureText('device-snapshot-monochromator')}}`;
}
