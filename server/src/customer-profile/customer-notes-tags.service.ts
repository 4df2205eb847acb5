import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CustomerNoteView, CustomerTagView, ErrorCode } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { notFound } from '../common/domain-error';
import { Customer } from '../customers/customer.entity';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { CustomerNote } from './customer-note.entity';
import { CustomerTagLink } from './customer-tag-link.entity';
import { CustomerTag } from './customer-tag.entity';

const toNoteView = (note: CustomerNote): CustomerNoteView => ({
  id: note.id,
  text: note.text,
  staffUsername: note.staffUsername,
  createdAt: note.createdAt.toISOString(),
});
const toTagView = (tag: CustomerTag): CustomerTagView => ({ id: tag.id, name: tag.name });

/** Staff notes (append-only) and tags on customers; every change is audited in its transaction. */
@Injectable()
export class CustomerNotesTagsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async notesOf(customerId: number, manager: EntityManager = this.dataSource.manager): Promise<CustomerNoteView[]> {
    const rows = await manager.find(CustomerNote, { where: { customerId }, order: { id: 'DESC' } });
    return rows.map(toNoteView);
  }

  async tagsOf(customerId: number, manager: EntityManager = this.dataSource.manager): Promise<CustomerTagView[]> {
    const links = await manager.find(CustomerTagLink, {
      where: { customerId },
      relations: { tag: true },
      order: { createdAt: 'ASC' },
    });
    return links.map((link) => toTagView(link.tag));
  }

  /** Every tag staff have defined, by name: the member list's tag filter. */
  async allTags(): Promise<CustomerTagView[]> {
    return (await this.dataSource.manager.find(CustomerTag, { order: { name: 'ASC' } })).map(toTagView);
  }

  addNote(actor: StaffPrincipal, customerId: number, text: string): Promise<CustomerNoteView[]> {
    return this.transactions.run(async (manager) => {
      await this.customerOrThrow(manager, customerId);
      const note = await manager.save(
        manager.create(CustomerNote, { customerId, text, staffId: actor.staffId, staffUsername: actor.username }),
      );
      await this.audit.record(manager, actor, {
        action: 'customer.note',
        entity: 'customer',
        entityId: customerId,
        after: { note: text, noteId: note.id },
      });
      return this.notesOf(customerId, manager);
    });
  }

  /** Adds the tag named `name` (defining it when new); a tag already on the customer stays as it is. */
  addTag(actor: StaffPrincipal, customerId: number, name: string): Promise<CustomerTagView[]> {
    return this.transactions.run(async (manager) => {
      await this.lockCustomerOrThrow(manager, customerId);
      await manager
        .createQueryBuilder()
        .insert()
        .into(CustomerTag)
        .values({ name })
        .orIgnore()
        .updateEntity(false)
        .execute();
      const tag = await manager.findOneByOrFail(CustomerTag, { name });
      const already = await manager.findOneBy(CustomerTagLink, { customerId, tagId: tag.id });
      if (!already) {
        await manager.insert(CustomerTagLink, { customerId, tagId: tag.id });
        await this.audit.record(manager, actor, {
          action: 'customer.tag.add',
          entity: 'customer',
          entityId: customerId,
          after: { tag: name },
        });
      }
      return this.tagsOf(customerId, manager);
    });
  }

  removeTag(actor: StaffPrincipal, customerId: number, tagId: number): Promise<CustomerTagView[]> {
    return this.transactions.run(async (manager) => {
      await this.lockCustomerOrThrow(manager, customerId);
      const link = await manager.findOne(CustomerTagLink, { where: { customerId, tagId }, relations: { tag: true } });
      if (!link) throw notFound(ErrorCode.CUSTOMER_TAG_NOT_FOUND, `Customer ${customerId} has no tag ${tagId}`);
      await manager.delete(CustomerTagLink, { customerId, tagId });
      await this.audit.record(manager, actor, {
        action: 'customer.tag.remove',
        entity: 'customer',
        entityId: customerId,
        before: { tag: link.tag.name },
      });
      return this.tagsOf(customerId, manager);
    });
  }

  /** Tag changes on one customer queue behind each other, so two staff adding the same tag add it once. */
  private async lockCustomerOrThrow(manager: EntityManager, customerId: number): Promise<void> {
    const found = await manager.findOne(Customer, {
      where: { id: customerId },
      select: { id: true },
      lock: this.transactions.lockMode,
    });
    if (!found) throw notFound(ErrorCode.CUSTOMER_NOT_FOUND, `Customer ${customerId} not found`);
  }

  private async customerOrThrow(manager: EntityManager, customerId: number): Promise<void> {
    if (!(await manager.existsBy(Customer, { id: customerId })))
      throw notFound(ErrorCode.CUSTOMER_NOT_FOUND, `Customer ${customerId} not found`);
  }
}
