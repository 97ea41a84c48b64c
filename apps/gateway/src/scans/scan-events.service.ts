/** Staging of entries and device events: durable before the client hears 202. */
import { Injectable } from '@nestjs/common';
import type { DeviceEventRequest, Entry } from '#libs/model/src/index.js';
import { entryName } from '#libs/model/src/naming.js';
import { eventDigest, ScanStore, type EventKind } from '#libs/staging/src/index.js';
import { DomainError } from '../problem/domain-error.js';
import type { EventAccepted } from './dto/event-accepted.dto.js';

@Injectable()
export class ScanEventsService {
  constructor(private readonly store: ScanStore) {}

  /** `canonicalJson`: the body's canonical text, which is digested and staged. */
  async stageEntry(
    scanId: string,
    entry: Entry,
    canonicalJson: string,
    idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    return this.stage(scanId, 'entries', canonicalJson, undefined, idempotencyKey, entry.name);
  }

  async stageDevice(
    scanId: string,
    event: DeviceEventRequest,
    canonicalJson: string,
    idempotencyKey: string | undefined,
  ): Promise<EventAccepted> {
    const entry = entryName(event.stage, event.moment);
    return this.stage(scanId, 'devices', canonicalJson, event.eventId, idempotencyKey, entry);
  }

  private async stage(
    scanId: string,
    kind: EventKind,
    canonicalJson: string,
    bodyEventId: string | undefined,
    idempotencyKey: string | undefined,
    entry: string,
  ): Promise<EventAccepted> {
    if (
      bodyEventId !== undefined &&
      idempotencyKey !== undefined &&
      bodyEventId !== idempotencyKey
    ) {
      throw new DomainError(
        'event_id_conflict',
        `eventId "${bodyEventId}" and Idempotency-Key "${idempotencyKey}" differ; send one, or the same.`,
      );
    }
    const digest = eventDigest(canonicalJson);
    // Without a client id, the content names the event: a verbatim repeat is
    // stored once, and the id does not depend on when or where it arrived.
    const eventId = bodyEventId ?? idempotencyKey ?? `sha256-${digest}`;
    const outcome = await this.store.stage(scanId, kind, eventId, canonicalJson, digest);
    switch (outcome) {
      case 'stored':
        return { scanId, eventId, entry, duplicate: false };
      case 'duplicate':
        return { scanId, eventId, entry, duplicate: true };
      case 'conflict':
        throw new DomainError(
          'event_id_conflict',
          `Event "${eventId}" was already accepted with different content.`,
        );
      case 'closed':
        throw new DomainError('scan_closed', `Scan ${scanId} is closed; it takes no more events.`);
      case 'unknown':
        throw new DomainError('scan_not_found', `There is no scan ${scanId}.`);
      case 'full':
        throw new DomainError(
          'staging_full',
          'Staging is at its global limit (STAGING_LIMIT_BYTES) until more scans are written; retry later.',
        );
      case 'beamline-full':
        throw new DomainError(
          'beamline_staging_full',
          `The beamline of scan ${scanId} is at its staging limit (STAGING_LIMIT_PER_BEAMLINE_BYTES) ` +
            'until more of its scans are written, deleted or expired; retry later.',
        );
    }
  }
}
