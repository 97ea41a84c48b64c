import { SCAN_STATUSES, type ScanStatus } from '#libs/model/src/scan/index.js';
import { ApiProperty } from '@nestjs/swagger';

export class CloseAccepted {
  @ApiProperty({ example: 'mogno-2026-0001' })
  scanId!: string;

  @ApiProperty({
    description: 'The write job; the same for every close of one scan.',
    example: 'write-mogno-2026-0001',
  })
  jobId!: string;

  @ApiProperty({ enum: SCAN_STATUSES, example: 'closing' })
  status!: ScanStatus;
}
