import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { BenefitType, ServiceContactView } from '@member-commerce/shared';
import { Benefit } from './benefit.entity';
import { MembershipService } from './membership.service';

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The SERVICE benefit (专属客服) as a working contact: only for a member whose current term was sold with it
 * (benefits are locked per term), with the phone and WeChat id from the benefit's config.
 */
@Injectable()
export class ServiceContactService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly memberships: MembershipService,
  ) {}

  async forCustomer(customerId: number): Promise<ServiceContactView | null> {
    const active = await this.memberships.activeTerm(customerId);
    const ids = active?.term.snapshot.benefitIds ?? [];
    if (!active || ids.length === 0) return null;
    const benefit = await this.dataSource.manager.findOne(Benefit, {
      where: { id: In(ids), type: BenefitType.SERVICE },
    });
    if (!benefit) return null;
    return {
      title: benefit.title,
      description: benefit.description,
      phone: text(benefit.config?.phone),
      wechatId: text(benefit.config?.wechatId),
    };
  }
}
