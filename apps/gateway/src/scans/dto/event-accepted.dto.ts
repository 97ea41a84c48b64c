import { ApiProperty } from '@nestjs/swagger';

export class EventAccepted {
  @ApiProperty({ example: 'mogno-2026-0001' })
  scanId!: string;

  @ApiProperty({
    description:
      "The event's id: the client's eventId or Idempotency-Key, else a digest of its content.",
    example: 'mono-start-0001',
  })
  eventId!: string;

  @ApiProperty({
    description: 'The NXentry the event goes to.',
    example: 'sample_acquisition_start',
  })
  entry!: string;

  @ApiProperty({
    description: 'True when this event had been accepted before and was not stored again.',
  })
  duplicate!: boolean;
}
