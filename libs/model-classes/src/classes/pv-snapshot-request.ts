import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import { MapOf } from '../decorators/map-of.js';
import type { PvReadingJson, PvSnapshotRequestJson } from '#libs/model/src/request-json.js';
import { IsPvNameConstraint, IsPvReadingConstraint } from '../rules/value-rules.js';
import { MomentEventBase } from './moment-event-base.js';

/**
 * Body of `POST /v1/scans/{scanId}/pvs`: PVs read at one stage and moment,
 * by name, placed through the beamline schema the scan pinned. What an
 * EPICS or Tango script can send with no data classes at all.
 */
export class PvSnapshotRequest extends MomentEventBase implements PvSnapshotRequestJson {
  @ApiProperty({
    type: 'object',
    additionalProperties: {
      oneOf: [
        { description: 'A value: number, string, boolean, null or a rectangular array.' },
        {
          type: 'object',
          required: ['value', 'timestamps'],
          properties: {
            value: { type: 'array', items: {} },
            timestamps: { type: 'array', items: { type: 'number' } },
          },
          description: 'In a during moment: samples and their epoch-second times, one per sample.',
        },
      ],
    },
    description: 'PV name → what was read. Each PV must be in the beamline schema.',
    example: { 'MGN:A:DCM:Energy_RBV': 22.0, 'MGN:B:SMP:X_RBV': 0.125 },
  })
  @MapOf({
    description: 'PV readings',
    key: IsPvNameConstraint,
    value: IsPvReadingConstraint,
  })
  values!: Record<string, PvReadingJson>;
}
