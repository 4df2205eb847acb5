import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { LEGAL_DOCUMENT_KINDS, LegalDocumentKind } from '@member-commerce/shared';

export class PublishLegalDocumentDto {
  @ApiProperty({ example: '会员服务协议' })
  @IsString()
  @Length(1, 64)
  title: string;

  @ApiProperty({ description: 'Plain text; paragraphs separated by blank lines' })
  @IsString()
  @Length(10, 20_000)
  content: string;
}

export class LegalDocumentKindParam {
  @ApiProperty({ enum: LEGAL_DOCUMENT_KINDS })
  @IsIn(LEGAL_DOCUMENT_KINDS)
  kind: LegalDocumentKind;
}
