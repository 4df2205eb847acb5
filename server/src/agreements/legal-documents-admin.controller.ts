import { Body, Get, Param, Post } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ApiResponseOf } from '../openapi/api-response.decorator';
import type { LegalDocumentView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { CurrentStaff } from '../common/current-principal.decorator';
import { ALL_STAFF, Roles } from '../staff/roles.decorator';
import { StaffController } from '../staff/staff-route.decorator';
import { LegalDocumentKindParam, PublishLegalDocumentDto } from './legal-document.dto';
import { LegalDocumentsService } from './legal-documents.service';

@StaffController('legal', 'admin: agreements', ...ALL_STAFF)
export class LegalDocumentsAdminController {
  constructor(private readonly documents: LegalDocumentsService) {}

  @Get(':kind/versions')
  @ApiOperation({ summary: 'Every saved version, newest first', operationId: 'adminListLegalDocumentVersions' })
  @ApiResponseOf('LegalDocumentView', { isArray: true })
  listLegalDocumentVersions(@Param() { kind }: LegalDocumentKindParam): Promise<LegalDocumentView[]> {
    return this.documents.versions(kind);
  }

  @Post(':kind/versions')
  @Roles('admin', 'operator')
  @ApiOperation({
    summary: 'Publish a new version (earlier ones stay; orders keep the version accepted)',
    operationId: 'adminPublishLegalDocument',
  })
  @ApiResponseOf('LegalDocumentView')
  publishLegalDocument(
    @CurrentStaff() actor: StaffPrincipal,
    @Param() { kind }: LegalDocumentKindParam,
    @Body() dto: PublishLegalDocumentDto,
  ): Promise<LegalDocumentView> {
    return this.documents.publish(actor, kind, dto);
  }
}
