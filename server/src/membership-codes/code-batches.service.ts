import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { stringify } from 'csv-stringify/sync';
import { DataSource, EntityManager } from 'typeorm';
import {
  CodeBatchCreated,
  CodeBatchView,
  CodeView,
  ErrorCode,
  formatCode,
  MembershipCodeStatus,
} from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Clock } from '../common/clock';
import { badRequest, conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { Tier } from '../membership/tier.entity';
import { AuditService } from '../staff/audit.service';
import { StaffUser } from '../staff/staff-user.entity';
import { isWellFormedCode, newMembershipCode } from './code-generator';
import { BatchCounts, toBatchView, toCodeView } from './code-views';
import { CreateCodeBatchDto, VoidCodeDto, VoidReasonDto } from './dto/code-batch.dto';
import { MembershipCodeBatch } from './membership-code-batch.entity';
import { MembershipCode } from './membership-code.entity';
import { normaliseCode } from '@member-commerce/shared';

const INSERT_CHUNK = 500;
const CSV_HEADER = ['兑换码', '会员卡', '有效期至', '状态', '批次', '备注'];
const STATUS_TEXT: Record<MembershipCodeStatus, string> = { ACTIVE: '未兑换', REDEEMED: '已兑换', VOID: '已作废' };

/** Staff side of membership codes: batches made, listed, exported (audited) and voided. */
@Injectable()
export class CodeBatchesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  create(actor: StaffPrincipal, input: CreateCodeBatchDto): Promise<CodeBatchCreated> {
    return this.transactions.run(async (manager) => {
      const validUntil = new Date(input.validUntil);
      if (validUntil <= this.clock.now())
        throw badRequest(ErrorCode.VALIDATION_FAILED, 'validUntil must be in the future');
      const tier = await manager.findOneBy(Tier, { id: input.tierId });
      if (!tier) throw notFound(ErrorCode.TIER_NOT_FOUND, `Tier ${input.tierId} not found`);
      const batch = await manager.save(
        manager.create(MembershipCodeBatch, {
          tierId: tier.id,
          count: input.count,
          validUntil,
          note: input.note?.trim() ?? '',
          createdByStaffId: actor.staffId,
        }),
      );
      for (let done = 0; done < input.count; done += INSERT_CHUNK) {
        const size = Math.min(INSERT_CHUNK, input.count - done);
        const rows = Array.from({ length: size }, () => ({
          code: newMembershipCode(),
          batchId: batch.id,
          tierId: tier.id,
          validUntil,
          status: MembershipCodeStatus.ACTIVE,
        }));
        await manager.insert(MembershipCode, rows);
      }
      const created: CodeBatchCreated = {
        id: batch.id,
        tierId: tier.id,
        count: input.count,
        validUntil: validUntil.toISOString(),
      };
      await this.audit.record(manager, actor, {
        action: 'membership_codes.create_batch',
        entity: 'membership_code_batch',
        entityId: batch.id,
        after: { ...created, note: batch.note },
      });
      return created;
    });
  }

  /** The latest batches (or one), with counts; inside a transaction, as that transaction sees them. */
  async list(manager: EntityManager = this.dataSource.manager, onlyId?: number): Promise<CodeBatchView[]> {
    const batches = await manager.find(MembershipCodeBatch, {
      where: onlyId ? { id: onlyId } : {},
      relations: { tier: true },
      order: { id: 'DESC' },
      take: 200,
    });
    const counts = await this.countsByBatch(
      manager,
      batches.map((batch) => batch.id),
    );
    const staffIds = [
      ...new Set(batches.map((batch) => batch.createdByStaffId).filter((id): id is number => id !== null)),
    ];
    const staff = staffIds.length ? await manager.find(StaffUser, { where: staffIds.map((id) => ({ id })) }) : [];
    const username = (id: number | null) => staff.find((user) => user.id === id)?.username ?? null;
    return batches.map((batch) =>
      toBatchView(
        batch,
        counts.get(batch.id) ?? { redeemed: 0, voided: 0, open: 0, expired: 0 },
        username(batch.createdByStaffId),
      ),
    );
  }

  /** The batch's codes as CSV (UTF-8 with BOM, grouped for reading); every download is audited. */
  export(actor: StaffPrincipal, batchId: number): Promise<{ fileName: string; body: Buffer }> {
    return this.transactions.run(async (manager) => {
      const batch = await this.batchOrThrow(manager, batchId);
      const codes = await manager.find(MembershipCode, { where: { batchId }, order: { id: 'ASC' } });
      const now = this.clock.now();
      const rows = codes.map((code) => [
        formatCode(code.code),
        batch.tier.name,
        code.validUntil.toISOString(),
        code.status === MembershipCodeStatus.ACTIVE && code.validUntil <= now ? '已过期' : STATUS_TEXT[code.status],
        String(batch.id),
        batch.note,
      ]);
      await this.audit.record(manager, actor, {
        action: 'membership_codes.export',
        entity: 'membership_code_batch',
        entityId: batch.id,
        after: { codes: codes.length },
      });
      const body = Buffer.from(stringify([CSV_HEADER, ...rows], { bom: true, record_delimiter: '\r\n' }), 'utf8');
      return { fileName: `membership-codes-${batch.id}.csv`, body };
    });
  }

  /** Voids every code of the batch not yet redeemed; redeemed codes keep their terms. */
  voidBatch(actor: StaffPrincipal, batchId: number, input: VoidReasonDto): Promise<CodeBatchView> {
    return this.transactions.run(async (manager) => {
      const batch = await this.batchOrThrow(manager, batchId);
      if (batch.voidedAt) throw conflict(ErrorCode.CONFLICT, 'This batch is already void');
      const now = this.clock.now();
      const result = await manager.update(
        MembershipCode,
        { batchId, status: MembershipCodeStatus.ACTIVE },
        { status: MembershipCodeStatus.VOID, voidedAt: now, voidReason: input.reason },
      );
      await manager.update(MembershipCodeBatch, { id: batchId }, { voidedAt: now, voidReason: input.reason });
      await this.audit.record(manager, actor, {
        action: 'membership_codes.void_batch',
        entity: 'membership_code_batch',
        entityId: batchId,
        after: { voided: result.affected ?? 0, reason: input.reason },
      });
      return (await this.list(manager, batchId))[0];
    });
  }

  /** Voids one unredeemed code (of a batch; gift codes end with their order's refund instead). */
  voidCode(actor: StaffPrincipal, input: VoidCodeDto): Promise<CodeView> {
    return this.transactions.run(async (manager) => {
      const value = normaliseCode(input.code);
      const code = isWellFormedCode(value) ? await manager.findOneBy(MembershipCode, { code: value }) : null;
      if (!code || code.batchId === null) throw notFound(ErrorCode.CODE_NOT_FOUND, 'No such code in any batch');
      if (code.status === MembershipCodeStatus.REDEEMED)
        throw conflict(
          ErrorCode.CODE_ALREADY_REDEEMED,
          'This code was redeemed; revoke or refund the membership instead',
        );
      if (code.status === MembershipCodeStatus.VOID) throw conflict(ErrorCode.CONFLICT, 'This code is already void');
      const now = this.clock.now();
      const result = await manager.update(
        MembershipCode,
        { id: code.id, status: MembershipCodeStatus.ACTIVE },
        { status: MembershipCodeStatus.VOID, voidedAt: now, voidReason: input.reason },
      );
      if (!result.affected) throw conflict(ErrorCode.CODE_ALREADY_REDEEMED, 'This code was redeemed just now');
      await this.audit.record(manager, actor, {
        action: 'membership_codes.void_code',
        entity: 'membership_code',
        entityId: code.id,
        before: { status: code.status },
        after: { status: 'VOID', reason: input.reason },
      });
      return toCodeView({ ...code, status: MembershipCodeStatus.VOID, voidedAt: now }, now);
    });
  }

  private async batchOrThrow(manager: EntityManager, id: number): Promise<MembershipCodeBatch> {
    const batch = await manager.findOne(MembershipCodeBatch, { where: { id }, relations: { tier: true } });
    if (!batch) throw notFound(ErrorCode.CODE_BATCH_NOT_FOUND, `Code batch ${id} not found`);
    return batch;
  }

  private async countsByBatch(manager: EntityManager, ids: number[]): Promise<Map<number, BatchCounts>> {
    const result = new Map<number, BatchCounts>();
    if (!ids.length) return result;
    const rows = await manager
      .createQueryBuilder(MembershipCode, 'c')
      .select('c.batchId', 'batchId')
      .addSelect("SUM(CASE WHEN c.status = 'REDEEMED' THEN 1 ELSE 0 END)", 'redeemed')
      .addSelect("SUM(CASE WHEN c.status = 'VOID' THEN 1 ELSE 0 END)", 'voided')
      .addSelect("SUM(CASE WHEN c.status = 'ACTIVE' AND c.validUntil > :now THEN 1 ELSE 0 END)", 'open')
      .addSelect("SUM(CASE WHEN c.status = 'ACTIVE' AND c.validUntil <= :now THEN 1 ELSE 0 END)", 'expired')
      .where('c.batchId IN (:...ids)', { ids, now: this.clock.now() })
      .groupBy('c.batchId')
      .getRawMany<Record<keyof BatchCounts | 'batchId', string | number>>();
    for (const row of rows) {
      result.set(Number(row.batchId), {
        redeemed: Number(row.redeemed),
        voided: Number(row.voided),
        open: Number(row.open),
        expired: Number(row.expired),
      });
    }
    return result;
  }
}
