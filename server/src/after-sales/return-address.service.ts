import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ReturnAddressSetting, ReturnAddressView } from '@member-commerce/shared';
import type { StaffPrincipal } from '../common/auth-principal';
import { Transactions } from '../database/transactions';
import { AuditService } from '../staff/audit.service';
import { ReturnAddressDto } from './dto/return-address.dto';
import { ReturnAddress } from './return-address.entity';

const ROW_ID = 1;

const toView = (row: ReturnAddress | null): ReturnAddressView | null =>
  row ? { name: row.name, phone: row.phone, address: row.address } : null;

/** The shop's return address: set by staff (audited), given to a customer when their return is approved. */
@Injectable()
export class ReturnAddressService {
  constructor(
    private readonly transactions: Transactions,
    private readonly audit: AuditService,
  ) {}

  async current(manager: EntityManager): Promise<ReturnAddressView | null> {
    return toView(await manager.findOneBy(ReturnAddress, { id: ROW_ID }));
  }

  get(): Promise<ReturnAddressSetting> {
    return this.transactions.run(async (manager) => ({ returnAddress: await this.current(manager) }));
  }

  update(actor: StaffPrincipal, input: ReturnAddressDto): Promise<ReturnAddressSetting> {
    return this.transactions.run(async (manager) => {
      const before = await this.current(manager);
      const after: ReturnAddressView = {
        name: input.name.trim(),
        phone: input.phone.trim(),
        address: input.address.trim(),
      };
      await manager.save(ReturnAddress, { id: ROW_ID, ...after });
      await this.audit.record(manager, actor, {
        action: 'after-sales.return-address',
        entity: 'return_address',
        entityId: ROW_ID,
        before,
        after,
      });
      return { returnAddress: after };
    });
  }
}
