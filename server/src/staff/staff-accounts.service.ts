import { Injectable } from '@nestjs/common';
import { randomInt } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { ErrorCode, ResetStaffPasswordResponse, StaffRole, StaffSummary } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { conflict, notFound } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { AuditService } from './audit.service';
import { ResetStaffPasswordDto } from './dto/reset-staff-password.dto';
import { UpdateStaffDto } from './dto/update-staff.dto';
import { PasswordHasher } from './password-hasher';
import { StaffUser } from './staff-user.entity';
import { toStaffSummary } from './staff-summary';

const TEMPORARY_ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A temporary password staff can read out: 12 characters without look-alikes (≈ 70 bits). */
const temporaryPassword = (): string =>
  Array.from({ length: 12 }, () => TEMPORARY_ALPHABET[randomInt(TEMPORARY_ALPHABET.length)]).join('');

/** Admin's work on staff accounts: enable/disable, role, password reset; the shop always keeps an active admin. */
@Injectable()
export class StaffAccountsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditService,
  ) {}

  async update(actor: StaffPrincipal, id: number, input: UpdateStaffDto): Promise<StaffSummary> {
    if (id === actor.staffId && input.active === false)
      throw conflict(ErrorCode.CANNOT_DISABLE_SELF, 'You cannot disable your own account');
    return this.transactions.run(async (manager) => {
      const user = await this.lockedOrThrow(manager, id);
      const before = toStaffSummary(user);
      const active = input.active ?? user.active;
      const role = input.role ?? user.role;
      if (active === user.active && role === user.role) return before;
      if (user.active && user.role === StaffRole.ADMIN && (!active || role !== StaffRole.ADMIN))
        await this.keepAnotherAdmin(manager, id);
      Object.assign(user, { active, role });
      await manager.update(StaffUser, { id }, { active, role });
      const after = toStaffSummary(user);
      if (before.role !== after.role)
        await this.audit.record(manager, actor, {
          action: 'staff.change_role',
          entity: 'staff_user',
          entityId: id,
          before: { role: before.role },
          after: { role: after.role },
        });
      if (before.active !== after.active)
        await this.audit.record(manager, actor, {
          action: active ? 'staff.enable' : 'staff.disable',
          entity: 'staff_user',
          entityId: id,
          before,
          after,
        });
      return after;
    });
  }

  /** Sets the chosen password or a temporary one; older tokens stop working and the owner must change it at login. */
  async resetPassword(
    actor: StaffPrincipal,
    id: number,
    input: ResetStaffPasswordDto,
  ): Promise<ResetStaffPasswordResponse> {
    if (actor.staffId === id)
      throw conflict(ErrorCode.CANNOT_RESET_OWN_PASSWORD, 'Change your own password with the current one instead');
    const temporary = input.password ? null : temporaryPassword();
    const passwordHash = await this.hasher.hash(input.password ?? temporary!);
    return this.transactions.run(async (manager) => {
      const user = await this.lockedOrThrow(manager, id);
      const changes = { passwordHash, passwordChangedAt: new Date(), mustChangePassword: true };
      await manager.update(StaffUser, { id }, changes);
      Object.assign(user, changes);
      await this.audit.record(manager, actor, {
        action: 'staff.reset_password',
        entity: 'staff_user',
        entityId: id,
        after: { temporary: temporary !== null },
      });
      return { temporaryPassword: temporary, staff: toStaffSummary(user) };
    });
  }

  private async lockedOrThrow(manager: EntityManager, id: number): Promise<StaffUser> {
    const user = await manager.findOne(StaffUser, { where: { id }, lock: this.transactions.lockMode });
    if (!user) throw notFound(ErrorCode.STAFF_NOT_FOUND, `Staff account ${id} not found`);
    return user;
  }

  /** Locks every active admin so two admins demoting each other at once cannot both succeed. */
  private async keepAnotherAdmin(manager: EntityManager, id: number): Promise<void> {
    const admins = await manager.find(StaffUser, {
      where: { role: StaffRole.ADMIN, active: true },
      lock: this.transactions.lockMode,
    });
    if (!admins.some((admin) => admin.id !== id))
      throw conflict(ErrorCode.LAST_ADMIN, 'The last active admin cannot be demoted or disabled');
  }
}
