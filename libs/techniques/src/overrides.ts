/**
 * Per-beamline overrides, read from `<dir>/<BEAMLINE>.json` (see config/beamlines/README.md):
 * which component plays a template role, and extra sources tried before a
 * template's own. A beamline without a file uses the templates as shipped.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Source } from './template-schema.js';

export interface BeamlineOverrides {
  beamline: string;
  /** Role (e.g. "detector") → the name of the component that plays it on this beamline. */
  components?: Record<string, string>;
  /** Definition (e.g. "NXtomo") → item path → sources tried before the template's. */
  sources?: Record<string, Record<string, Source[]>>;
}

export class BeamlineOverridesError extends Error {
  override readonly name = 'BeamlineOverridesError';
}

/** The overrides of `beamline`, undefined when it has no file. Throws on a malformed file. */
export async function loadBeamlineOverrides(
  dir: string,
  beamline: string,
): Promise<BeamlineOverrides | undefined> {
  // Beamline names come from clients: never let one name a path outside `dir`.
  if (!/^[A-Za-z0-9_-]+$/.test(beamline)) return undefined;
  const file = join(dir, `${beamline}.json`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return parseOverrides(JSON.parse(text) as unknown, beamline, file);
}

function parseOverrides(value: unknown, beamline: string, file: string): BeamlineOverrides {
  if (!isRecord(value)) throw new BeamlineOverridesError(`${file}: not a JSON object`);
  if (value.beamline !== beamline) {
    throw new BeamlineOverridesError(`${file}: "beamline" must be "${beamline}"`);
  }
  const { components, sources } = value;
  if (components !== undefined && !isStringRecord(components)) {
    throw new BeamlineOverridesError(`${file}: "components" must map roles to component names`);
  }
  if (sources !== undefined && !isSourceTable(sources)) {
    throw new BeamlineOverridesError(
      `${file}: "sources" must map definitions to item paths to source lists`,
    );
  }
  return {
    beamline,
    ...(components === undefined ? {} : { components }),
    ...(sources === undefined ? {} : { sources }),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringRecord(value: unknown): value is Record<string, string> {
  return isRecord(value) && Object.values(value).every((v) => typeof v === 'string');
}

const SOURCE_KINDS = new Set(['component', 'entry', 'constant', 'external', 'item', 'derived']);

function isSourceTable(value: unknown): value is Record<string, Record<string, Source[]>> {
  return (
    isRecord(value) &&
    Object.values(value).every(
      (items) =>
        isRecord(items) &&
        Object.values(items).every(
          (list) =>
            Array.isArray(list) &&
            list.every(
              (s) => isRecord(s) && typeof s.from === 'string' && SOURCE_KINDS.has(s.from),
            ),
        ),
    )
  );
}
