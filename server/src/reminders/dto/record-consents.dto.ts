import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';
import { RecordConsentsRequest } from '@member-commerce/shared';

export class RecordConsentsDto implements RecordConsentsRequest {
  @ApiProperty({ type: [String], description: 'Template ids the customer accepted in requestSubscribeMessage' })
  @IsArray()
  @ArrayMaxSize(3)
  @IsString({ each: true })
  @Length(1, 64, { each: true })
  templateIds: string[];
}
