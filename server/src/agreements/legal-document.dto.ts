import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsString, Length } from 'class-validator';
import { LEGAL_DOCUMENT_KINDS, LegalDocumentKind, LegalDocumentView } from '@member-commerce/shared';

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

export class LegalDocumentViewDto implements LegalDocumentView {
  @ApiPropertyOptional({ enum: LEGAL_DOCUMENT_KINDS }) kind?: LegalDocumentKind;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty() content: string;
  @ApiPropertyOptional() createdBy?: string;
  @ApiPropertyOptional() createdAt?: string;
}
