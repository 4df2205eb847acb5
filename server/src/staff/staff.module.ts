import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditLog } from './audit-log.entity';
import { AuditLogReader } from './audit-log-reader.service';
import { AuditService } from './audit.service';
import { AuditedDownloadInterceptor } from './audited-download';
import { PasswordHasher } from './password-hasher';
import { AuditLogController, StaffAccountsController } from './staff-accounts.controller';
import { StaffAuthController } from './staff-auth.controller';
import { StaffAuthGuard } from './staff-auth.guard';
import { StaffUser } from './staff-user.entity';
import { StaffAccountsService } from './staff-accounts.service';
import { StaffService } from './staff.service';

/** Staff accounts, roles, login and the audit log; exports the guard and audit writer to feature modules. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([StaffUser, AuditLog])],
  controllers: [StaffAuthController, StaffAccountsController, AuditLogController],
  providers: [
    StaffService,
    StaffAccountsService,
    AuditService,
    AuditLogReader,
    PasswordHasher,
    StaffAuthGuard,
    AuditedDownloadInterceptor,
  ],
  exports: [AuditService, AuditedDownloadInterceptor, PasswordHasher, StaffAuthGuard, TypeOrmModule],
})
export class StaffModule {}
