import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, Matches } from 'class-validator';

/** The longest a status call may wait, so a forgotten client holds a connection briefly. */
export const MAX_STATUS_WAIT_S = 60;

export class ScanStatusQuery {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: MAX_STATUS_WAIT_S,
    example: 30,
    description:
      'Wait up to this many seconds for the scan to be written, failed or expired, then answer ' +
      'its status as it is (check `status`), and at most 9/10 of the gateway’s IDLE_TIMEOUT_MS ' +
      '(a socket silent that long is cut). 0 or absent: answer at once.',
  })
  @IsOptional()
  @Matches(/^(?:[0-5]?\d|60)$/, {
    message: `wait must be a whole number of seconds from 0 to ${MAX_STATUS_WAIT_S}`,
  })
  wait?: string;
}
