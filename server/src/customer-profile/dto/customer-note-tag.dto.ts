import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { AddCustomerNoteRequest, AddCustomerTagRequest } from '@member-commerce/shared';

const trimmed = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class AddCustomerNoteDto implements AddCustomerNoteRequest {
  @ApiProperty({ example: '电话回访：希望年卡续费时提醒', minLength: 1, maxLength: 500 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 500)
  text: string;
}

export class AddCustomerTagDto implements AddCustomerTagRequest {
  @ApiProperty({ example: '高价值', minLength: 1, maxLength: 20 })
  @Transform(trimmed)
  @IsString()
  @Length(1, 20)
  name: string;
}
