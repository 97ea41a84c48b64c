/**
 * The life of a scan, the same for every transport: open (idempotent on its
 * metadata), stage events (durable before the caller hears back; duplicates
 * and conflicts told apart), close and queue the write, retry a failed one.
 */
import { randomUUID } from 'node:crypto';
import type { ArrayRecords } from '#libs/arrays/src/array-records.js';
import { binaryReferencesIn, canonicalBeamline, entryName } from '#libs/model/src/index.js';
import type {
  CreateScanRequestJson,
  ExperimentDoneJson,
  DeviceEventRequestJson,
  PvSnapshotRequestJson,
  RunEndJson,
} from '#libs/model/src/index.js';
import type { ScanMetadata } from '#libs/model/src/scan/index.js';
import { writeScanJobId } from '#libs/queue-contracts/src/write-scan-job.js';
import {
  eventDigest,
  parseJsonPreservingIntegers,
  stringifyPreservingNumbers,
  type EventKind,
  type SchemaStore,
  type ScanStore,
} from '#libs/staging/src/index.js';
import {
  placePvSnapshot,
  resolveDeviceEvent,
  resolveEntry,
  type WireResolution,
} from '#libs/beamline-schema/src/index.js';
import { chooseEventId } from './event-id.js';
import { PinnedSchemas } from './pinned-schemas.js';
import type {
  CloseResult,
  OpenOutcome,
  PvStageResult,
  ReferenceProblem,
  RetryResult,
  StageResult,
} from './outcomes.js';
import { metadataDifferences } from './scan-metadata-differences.js';
import type { WriteJobs } from './write-jobs.js';

/** An event as a transport received it: validated, with its text. */
export interface ReceivedEvent<Body> {
  body: Body;
  /**
   * The JSON text `body` was parsed from, as received: what is staged, and
   * what the worker reads with the strict parser, numbers as sent.
   */
  json: string;
  /** The transport's idempotency key (HTTP's `Idempotency-Key`), when it has one. */
  idempotencyKey?: string | undefined;
}

export interface ScanIngestOptions {
  /** Where beamline schemas are kept: a scan pins the current one when it opens. */
  schemas?: SchemaStore;
  /** The scans' uploaded arrays, which an event's `{"array": id}` values must name. */
  arrays?: ArrayRecords;
  now?: () => Date;
}

export class ScanIngest {
  private readonly schemas: SchemaStore | undefined;
  private readonly arrays: ArrayRecords | undefined;
  private readonly pinned: PinnedSchemas;
  private readonly now: () => Date;

  constructor(
    private readonly store: ScanStore,
    private readonly jobs: WriteJobs,
    options: ScanIngestOptions = {},
  ) {
    this.schemas = options.schemas;
    this.arrays = options.arrays;
    this.pinned = new PinnedSchemas(options.schemas);
    this.now = options.now ?? (() => new Date());
  }

  async open(request: CreateScanRequestJson): Promise<OpenOutcome> {
    const beamline = canonicalBeamline(request.beamline);
    const schema = await this.schemas?.current(beamline);
    const meta: ScanMetadata = {
      scanId: request.scanId ?? randomUUID(),
      beamline,
      proposal: request.proposal,
      technique: request.technique,
      createdAt: this.now().toISOString(),
      ...(request.title !== undefined ? { title: request.title } : {}),
      ...(request.startTime !== undefined ? { startTime: request.startTime } : {}),
      ...(schema !== undefined
        ? { schema: { version: schema.version, sha256: schema.sha256 } }
        : {}),
    };
    const { scanId } = meta;
    const created = await this.store.create(meta);
    const scan = await this.store.get(scanId);
    // Deleted between the two calls.
    if (scan === undefined) return { kind: 'vanished', scanId };
    if (created) return { kind: 'created', scan };
    const differences = metadataDifferences(scan, meta);
    if (differences.length > 0) return { kind: 'metadata-differs', scanId, differences };
    if (scan.status !== 'open') return { kind: 'not-open', scanId, status: scan.status };
    return { kind: 'reopened', scan };
  }

  /** An Entry: staged under its name's entry, e.g. `sample_acquisition_start`. */
  stageEntry(scanId: string, event: ReceivedEvent<{ name: string }>): Promise<StageResult> {
    return this.stage(scanId, 'entries', event, undefined, event.body.name);
  }

  /** A device event: staged under the entry its stage and moment name. */
  stageDevice(scanId: string, event: ReceivedEvent<DeviceEventRequestJson>): Promise<StageResult> {
    const { stage, moment, eventId } = event.body;
    return this.stage(scanId, 'devices', event, eventId, entryName(stage, moment));
  }

  /**
   * PVs read at one stage and moment, placed through the scan's pinned schema
   * and staged as the device event an Entry of the same readings would be.
   * The readings are read again from the text with integers kept apart, so
   * `22.0` stays a float in the file, as in an Entry sent as text.
   */
  async stagePvSnapshot(
    scanId: string,
    event: ReceivedEvent<PvSnapshotRequestJson>,
  ): Promise<PvStageResult> {
    const scan = await this.store.get(scanId);
    if (scan === undefined) return { kind: 'unknown', scanId };
    if (scan.schema === undefined) return { kind: 'no-schema', scanId, beamline: scan.beamline };
    const index = await this.pinned.index(scan.beamline, scan.schema);
    const exact = parseJsonPreservingIntegers(event.json) as PvSnapshotRequestJson;
    const placed = placePvSnapshot({ ...event.body, values: exact.values }, index);
    if (!placed.ok) return { kind: 'unplaceable', problems: placed.problems };
    const json = stringifyPreservingNumbers(placed.event);
    const { stage, moment, eventId } = event.body;
    return this.stage(
      scanId,
      'devices',
      { body: placed.event, json, idempotencyKey: event.idempotencyKey },
      eventId,
      entryName(stage, moment),
    );
  }

  /**
   * An event as Assonant's wire form sends it, made whole with the schema the
   * scan pinned (see libs/beamline-schema's resolve-wire-form.ts); the caller
   * validates the result. What is staged stays the text as received: the
   * worker resolves it again with the same pinned version.
   */
  async resolveWireForm(
    scanId: string,
    kind: 'entry' | 'device',
    body: unknown,
  ): Promise<
    { kind: 'unknown'; scanId: string } | { kind: 'resolved'; resolution: WireResolution }
  > {
    const scan = await this.store.get(scanId);
    if (scan === undefined) return { kind: 'unknown', scanId };
    const index = await this.pinned.index(scan.beamline, scan.schema);
    const resolution =
      kind === 'entry' ? resolveEntry(body, index) : resolveDeviceEvent(body, index);
    return { kind: 'resolved', resolution };
  }

  /** Closes the scan and queues its write; closing again answers the same job. */
  async close(
    scanId: string,
    end: { experimentDone?: ExperimentDoneJson; runEnd?: RunEndJson } = {},
    requestId?: string,
  ): Promise<CloseResult> {
    const { experimentDone, runEnd } = end;
    if (experimentDone !== undefined) {
      const beamline = await this.store.beamlineOf(scanId);
      if (beamline === undefined) return { kind: 'unknown', scanId };
      if (canonicalBeamline(experimentDone.beamline) !== beamline) {
        return { kind: 'beamline-differs', scanId, beamline, sent: experimentDone.beamline };
      }
    }
    const outcome = await this.store.beginClose(
      scanId,
      this.now().toISOString(),
      experimentDone,
      runEnd,
    );
    if (outcome === 'unknown') return { kind: 'unknown', scanId };
    // Queued again while the scan is `closing`, so that a close whose enqueue
    // failed (Redis lost mid-call) completes on the next try; the job id
    // makes the repeat a no-op otherwise.
    if (outcome === 'closing') await this.jobs.addWriteScan(scanId, requestId);
    const status = outcome === 'open' ? 'closing' : outcome;
    return { kind: 'accepted', scanId, jobId: writeScanJobId(scanId), status };
  }

  /** Queues the write of a failed scan again, with the job options of a close. */
  async retry(scanId: string, requestId?: string): Promise<RetryResult> {
    const outcome = await this.store.beginRetry(scanId);
    if (outcome === 'unknown') return { kind: 'unknown', scanId };
    if (outcome !== 'retried') return { kind: 'not-failed', scanId, status: outcome };
    await this.jobs.addWriteScan(scanId, requestId);
    return { kind: 'accepted', scanId, jobId: writeScanJobId(scanId), status: 'closing' };
  }

  private async stage(
    scanId: string,
    kind: EventKind,
    event: ReceivedEvent<unknown>,
    bodyEventId: string | undefined,
    entry: string,
  ): Promise<StageResult> {
    const choice = chooseEventId(bodyEventId, event.idempotencyKey, () => eventDigest(event.json));
    if (!choice.ok) {
      const { bodyEventId: sent, idempotencyKey } = choice;
      return { kind: 'id-mismatch', bodyEventId: sent, idempotencyKey };
    }
    const { eventId } = choice;
    const missing = await this.unknownArrays(scanId, event.body);
    if (missing.length > 0) return { kind: 'unknown-arrays', scanId, problems: missing };
    const outcome = await this.store.stage(scanId, kind, eventId, event.json);
    switch (outcome) {
      case 'stored':
      case 'duplicate':
        return { kind: outcome, scanId, eventId, entry };
      case 'conflict':
        return { kind: 'conflict', eventId };
      case 'closed':
      case 'unknown':
        return { kind: outcome, scanId };
      case 'full':
        return { kind: 'full' };
      case 'beamline-full':
        return { kind: 'beamline-full', scanId };
    }
  }

  /**
   * The `{"array": id}` values of an event that name no array of this scan
   * (never uploaded, or uploaded to another scan). Streams are not checked:
   * their frames may come after the event that names them.
   */
  private async unknownArrays(scanId: string, body: unknown): Promise<ReferenceProblem[]> {
    const problems: ReferenceProblem[] = [];
    for (const { path, reference } of binaryReferencesIn(body)) {
      if (!('array' in reference)) continue;
      if ((await this.arrays?.get(scanId, reference.array)) !== undefined) continue;
      problems.push({
        path,
        message: `array ${reference.array} is not one of scan ${scanId}'s arrays: upload it with POST /v1/scans/${scanId}/arrays and send the arrayId that answers`,
      });
    }
    return problems;
  }
}
