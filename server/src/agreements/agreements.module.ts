import { Module } from '@nestjs/common';
import { LegalDocumentsAdminController } from './legal-documents-admin.controller';
import { LegalDocumentsController } from './legal-documents.controller';
import { LegalDocumentsService } from './legal-documents.service';

/** The member agreement, user agreement and privacy guide: versioned, edited by staff, accepted by customers. */
@Module({
  controllers: [LegalDocumentsController, LegalDocumentsAdminController],
  providers: [LegalDocumentsService],
  exports: [LegalDocumentsService],
})
export class AgreementsModule {}
