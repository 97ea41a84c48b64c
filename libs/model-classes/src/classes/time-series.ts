import 'reflect-metadata';
import { ApiProperty } from '@nestjs/swagger';
import type { TimeSeriesJson } from '#libs/model/src/assonant-json.js';
import { Nested } from '../decorators/nested.js';
import { OneTimestampPerSample } from '../rules/timestamps-per-sample.js';
import { TimeSeriesSamples } from './time-series-samples.js';
import { TimeSeriesTimestamps } from './time-series-timestamps.js';

/** Values recorded over time; becomes an NXlog with `value` and `time`. */
export class TimeSeries implements TimeSeriesJson {
  @ApiProperty({ type: () => TimeSeriesSamples, description: 'The samples.' })
  @Nested(() => TimeSeriesSamples)
  value!: TimeSeriesSamples;

  @ApiProperty({
    type: () => TimeSeriesTimestamps,
    description: 'When each sample was taken; as many as there are samples.',
  })
  @Nested(() => TimeSeriesTimestamps)
  @OneTimestampPerSample()
  timestamps!: TimeSeriesTimestamps;
}
