import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import { Nested } from '../decorators/nested.js';
import type { DeviceEventRequestJson } from '#libs/model/src/request-json.js';
import { Component } from './component.js';
import { MomentEventBase } from './moment-event-base.js';

/** Body of `POST /v1/scans/{scanId}/devices`: one device read at one stage and moment. */
export class DeviceEventRequest extends MomentEventBase implements DeviceEventRequestJson {
  @ApiProperty({ type: () => Component, description: 'The device and its parts.' })
  @Nested(() => Component)
  device!: Component;
}
