import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { LegalDocumentView } from '@member-commerce/shared';
import { LegalDocumentKindParam } from './legal-document.dto';
import { LegalDocumentsService } from './legal-documents.service';

/** Public: the texts customers are asked to accept. */
@ApiTags('legal')
@Controller()
export class LegalDocumentsController {
  constructor(private readonly documents: LegalDocumentsService) {}

  @Get('membership-agreement')
  @ApiOperation({ summary: 'The current member agreement (《会员服务协议》)', operationId: 'getMembershipAgreement' })
  @ApiResponseOf('LegalDocumentView')
  getMembershipAgreement(): Promise<LegalDocumentView> {
    return this.documents.current('MEMBER_AGREEMENT');
  }

  @Get('legal/:kind')
  @ApiOperation({
    summary: 'The current member agreement, user agreement or privacy guide',
    operationId: 'getLegalDocument',
  })
  @ApiResponseOf('LegalDocumentView')
  getLegalDocument(@Param() { kind }: LegalDocumentKindParam): Promise<LegalDocumentView> {
    return this.documents.current(kind);
  }
}
