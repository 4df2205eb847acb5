import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ChangePasswordResponse, ErrorCode, StaffLoginResponse, StaffSummary } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { badRequest, conflict, DomainError } from '../common/domain-error';
import { Transactions } from '../database/transactions';
import { AuditService } from './audit.service';
import { ChangePasswordDto } from './dto/change-password.dto';
import { CreateStaffDto } from './dto/create-staff.dto';
import { PasswordHasher } from './password-hasher';
import { StaffUser } from './staff-user.entity';
import { toStaffSummary } from './staff-summary';

const toSummary = toStaffSummary;

/** Staff accounts, their login, and the audit log they leave. */
@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffUser) private readonly users: Repository<StaffUser>,
    private readonly hasher: PasswordHasher,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly transactions: Transactions,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async login(username: string, password: string): Promise<StaffLoginResponse> {
    const user = await this.users.findOneBy({ username });
    const ok = user?.active
      ? await this.hasher.verify(user.passwordHash, password)
      : await this.hasher.verifyNothing(password);
    if (!user || !ok)
      throw new DomainError(ErrorCode.INVALID_CREDENTIALS, 'Wrong username or password', HttpStatus.UNAUTHORIZED);
    return { token: await this.issueToken(user), staff: toSummary(user) };
  }

  async me(principal: StaffPrincipal): Promise<StaffSummary> {
    return toSummary(await this.users.findOneByOrFail({ id: principal.staffId }));
  }

  /** The caller's own password, proven by the current one; tokens issued before now stop working. */
  async changePassword(actor: StaffPrincipal, input: ChangePasswordDto): Promise<ChangePasswordResponse> {
    const user = await this.users.findOneByOrFail({ id: actor.staffId });
    if (!(await this.hasher.verify(user.passwordHash, input.currentPassword))) {
      throw badRequest(ErrorCode.CURRENT_PASSWORD_WRONG, 'The current password is not right');
    }
    const passwordHash = await this.hasher.hash(input.newPassword);
    const changedAt = new Date();
    await this.transactions.run(async (manager) => {
      await manager.update(
        StaffUser,
        { id: user.id },
        { passwordHash, passwordChangedAt: changedAt, mustChangePassword: false },
      );
      await this.audit.record(manager, actor, {
        action: 'staff.change-password',
        entity: 'staff_user',
        entityId: user.id,
      });
    });
    return { token: await this.issueToken(user) };
  }

  private issueToken(user: StaffUser): Promise<string> {
    return this.jwt.signAsync({ sub: user.id, typ: 'staff' }, { expiresIn: this.config.staffTokenTtlSeconds });
  }

  async list(): Promise<StaffSummary[]> {
    return (await this.users.find({ order: { id: 'ASC' } })).map(toSummary);
  }

  async create(actor: StaffPrincipal, input: CreateStaffDto): Promise<StaffSummary> {
    const passwordHash = await this.hasher.hash(input.password);
    return this.transactions.run(async (manager) => {
      if (await manager.existsBy(StaffUser, { username: input.username })) {
        throw conflict(ErrorCode.STAFF_USERNAME_TAKEN, `Username ${input.username} is taken`);
      }
      const user = await manager.save(
        manager.create(StaffUser, { username: input.username, passwordHash, role: input.role, active: true }),
      );
      await this.audit.record(manager, actor, {
        action: 'staff.create',
        entity: 'staff_user',
        entityId: user.id,
        after: toSummary(user),
      });
      return toSummary(user);
    });
  }
}
