/**
 * A staged scan's events read with the schema the scan pinned, as the writer
 * builds them: each event resolved as resolve-wire-form.ts does at the
 * gateway, so the file holds what the gateway accepted.
 */
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { StagedEvent, StagedScan } from '#libs/model/src/scan/index.js';
import { resolveDeviceEvent, resolveEntry } from './resolve-wire-form.js';
import type { SchemaIndex } from './schema-index.js';

export interface ResolvedScan {
  staged: StagedScan;
  warnings: string[];
}

export function resolveStagedScan(staged: StagedScan, index: SchemaIndex): ResolvedScan {
  const warnings: string[] = [];
  const events = staged.events.map((event): StagedEvent => {
    const resolution =
      event.kind === 'entry'
        ? resolveEntry(event.entry, index)
        : resolveDeviceEvent({ device: event.device }, index);
    // The gateway took only events whose every component it could resolve.
    const [problem] = resolution.problems;
    if (problem !== undefined) {
      throw new Error(`event ${event.eventId}: ${problem.path}: ${problem.message}`);
    }
    warnings.push(...resolution.warnings.map((warning) => `event ${event.eventId}: ${warning}`));
    if (event.kind === 'entry') return { ...event, entry: resolution.value as EntryJson };
    return { ...event, device: (resolution.value as { device: ComponentJson }).device };
  });
  return { staged: { ...staged, events }, warnings };
}
