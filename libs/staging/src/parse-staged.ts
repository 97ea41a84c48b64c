/**
 * Turns the canonical event texts kept in Redis into a StagedScan. They are
 * read with the gateway's own strict parser, so nothing the gateway would
 * refuse is written, and an integer literal becomes a bigint (written as
 * int64) while `3.0` stays a float.
 */
import type { ScanMetadata, StagedEvent, StagedScan } from '#libs/model/src/scan/index.js';
import type { ComponentJson, EntryJson } from '#libs/model/src/assonant-json.js';
import type { AcquisitionMoment, ExperimentStage } from '#libs/model/src/naming.js';
import type { RawScanEvents } from './scan-store.js';
import { parseJsonChecked } from './json/checked-json.js';
import { parseStrictJson } from './json/strict-json.js';

const INTEGER_LITERAL = /^-?\d+$/;

export function parseNumberLiteral(text: string): number | bigint {
  return INTEGER_LITERAL.test(text) ? BigInt(text) : Number(text);
}

/**
 * An integer literal as a JSON token: after `:`, `[`, `,` or at the start,
 * digits alone (no fraction, no exponent), then a delimiter or the end. A
 * match inside a string only sends the text the slower way.
 */
const INTEGER_TOKEN = /(?:^|[:[,])\s*-?\d+\s*(?:[,\]}]|$)/;

export function parseJsonPreservingIntegers(text: string): unknown {
  // With no integer literal, every number is a `number` either way, so the
  // checked parse (JSON.parse's speed, the strict parser's verdict) gives
  // the same value; readings of floats take this path.
  if (!INTEGER_TOKEN.test(text)) return parseJsonChecked(text);
  return parseStrictJson(text, parseNumberLiteral);
}

interface DeviceEventBody {
  stage: ExperimentStage;
  moment: AcquisitionMoment;
  timestamp?: string;
  device: ComponentJson;
}

/** Parses one staged event, naming it when its text is not JSON (a corrupted store). */
function parseEvent(eventId: string, text: string): unknown {
  try {
    return parseJsonPreservingIntegers(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`staged event ${eventId} is not valid JSON (${reason})`, { cause: error });
  }
}

export function parseStagedScan(scan: ScanMetadata, raw: RawScanEvents): StagedScan {
  const events: StagedEvent[] = [];
  for (const [eventId, text] of raw.entries) {
    events.push({ kind: 'entry', eventId, entry: parseEvent(eventId, text) as EntryJson });
  }
  for (const [eventId, text] of raw.devices) {
    const body = parseEvent(eventId, text) as DeviceEventBody;
    events.push({
      kind: 'device',
      eventId,
      stage: body.stage,
      moment: body.moment,
      ...(body.timestamp !== undefined ? { timestamp: body.timestamp } : {}),
      device: body.device,
    });
  }
  return { scan, events };
}
