import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ErrorCode, LegalDocumentKind, LegalDocumentView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { conflict, notFound } from '../common/domain-error';
import { isUniqueViolation } from '../common/api-exception.filter';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { LegalDocument } from './legal-document.entity';

const toView = (doc: LegalDocument): LegalDocumentView => ({
  kind: doc.kind,
  version: doc.version,
  title: doc.title,
  content: doc.content,
  createdBy: doc.createdBy,
  createdAt: doc.createdAt.toISOString(),
});

/** The member agreement and the privacy texts: the current version for customers, every version for staff. */
@Injectable()
export class LegalDocumentsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** What customers read now. */
  async current(kind: LegalDocumentKind): Promise<LegalDocumentView> {
    const doc = await this.transactions.run((manager) => this.latest(manager, kind));
    if (!doc) throw notFound(ErrorCode.NOT_FOUND, `No ${kind} has been published`);
    return { version: doc.version, title: doc.title, content: doc.content };
  }

  versions(kind: LegalDocumentKind): Promise<LegalDocumentView[]> {
    return this.transactions.run(async (manager) =>
      (await manager.find(LegalDocument, { where: { kind }, order: { version: 'DESC' } })).map(toView),
    );
  }

  /** Saves a new version (the old ones stay, orders point at them); audited. */
  async publish(
    actor: StaffPrincipal,
    kind: LegalDocumentKind,
    text: { title: string; content: string },
  ): Promise<LegalDocumentView> {
    try {
      return await this.transactions.run(async (manager) => {
        const previous = await this.latest(manager, kind);
        const version = (previous?.version ?? 0) + 1;
        const saved = await manager.save(
          manager.create(LegalDocument, {
            kind,
            version,
            title: text.title,
            content: text.content,
            createdBy: actor.username,
          }),
        );
        await this.audit.record(manager, actor, {
          action: 'legal-document.publish',
          entity: 'legal_document',
          entityId: saved.id,
          before: previous ? { kind, version: previous.version, title: previous.title } : null,
          after: { kind, version, title: text.title },
        });
        return toView(saved);
      });
    } catch (error) {
      // Two staff saving at once: one wins the version number, the other is told to reload.
      if (isUniqueViolation(error))
        throw conflict(
          ErrorCode.LEGAL_DOCUMENT_CHANGED,
          'Someone saved a new version at the same moment; reload and try again',
        );
      throw error;
    }
  }

  /**
   * Checkout: the version a buyer says they accepted must be the current one (an outdated page shows old terms).
   * Returns the version to store on the order.
   */
  async accepted(manager: EntityManager, kind: LegalDocumentKind, version: number): Promise<number> {
    const current = await this.latest(manager, kind);
    if (!current || current.version !== version) {
      throw conflict(
        ErrorCode.AGREEMENT_NOT_ACCEPTED,
        'The member agreement has changed; please read and accept the current version',
        { current: current?.version ?? null },
      );
    }
    return version;
  }

  private latest(manager: EntityManager, kind: LegalDocumentKind): Promise<LegalDocument | null> {
    return manager.findOne(LegalDocument, { where: { kind }, order: { version: 'DESC' } });
  }
}
