import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class ArrayUploaded {
  @ApiProperty({ example: 'mogno-0001' }) scanId!: string;
  @ApiProperty({
    description: 'Name it in a DataField or TimeSeries value as {"array": "<arrayId>"}.',
    example: 'arr_0f8fad5b-d9cb-469f-a165-70867728950e',
  })
  arrayId!: string;
  @ApiProperty({ description: 'NumPy name of the element type.', example: 'uint16' })
  dtype!: string;
  @ApiProperty({ type: [Number], example: [128, 2048, 2048] }) shape!: number[];
  @ApiProperty({ description: 'Bytes of the data (C order).', example: 1073741824 }) bytes!: number;
  @ApiProperty({ description: 'Hex SHA-256 of the data bytes.', example: '9f86d08…' })
  sha256!: string;
  @ApiPropertyOptional({ description: 'The frame stream it is a frame of.', example: 'pco_frames' })
  stream?: string;
  @ApiPropertyOptional({ description: 'Its index in the stream.', example: 17 })
  index?: number;
  @ApiPropertyOptional({ description: 'The compression asked for.', example: 'bslz4' })
  compression?: string;
  @ApiPropertyOptional({
    description:
      'True: this frame index was sent before with the same bytes; the earlier upload stands.',
    example: true,
  })
  duplicate?: boolean;
}
