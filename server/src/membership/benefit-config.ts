import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { BenefitType, ErrorCode } from '@member-commerce/shared';
import { badRequest } from '../common/domain-error';
import { CouponConfigDto, PriorityAccessConfigDto, ServiceConfigDto } from './dto/benefit-config.dto';

const CONFIG_SHAPES: Partial<Record<BenefitType, new () => object>> = {
  PRIORITY_ACCESS: PriorityAccessConfigDto,
  COUPON: CouponConfigDto,
  SERVICE: ServiceConfigDto,
};

/**
 * The config a benefit of `type` stores: checked against that type's shape (unknown keys refused), or null for
 * types that take none. A SERVICE needs a phone or a WeChat id, or the contact entry would lead nowhere.
 */
export function checkedBenefitConfig(
  type: BenefitType,
  config: Record<string, unknown> | null | undefined,
): Record<string, unknown> | null {
  const shape = CONFIG_SHAPES[type];
  const given = config ?? {};
  if (!shape) {
    if (Object.keys(given).length)
      throw badRequest(ErrorCode.INVALID_BENEFIT_CONFIG, `A ${type} benefit takes no config`);
    return null;
  }
  const instance = plainToInstance(shape, given);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length) {
    const details = errors.map((error) => ({
      field: `config.${error.property}`,
      problems: Object.values(error.constraints ?? { invalid: 'is invalid' }),
    }));
    throw badRequest(
      ErrorCode.INVALID_BENEFIT_CONFIG,
      details.map((d) => `${d.field}: ${d.problems.join(', ')}`).join('; '),
      details,
    );
  }
  if (type === 'SERVICE' && !('phone' in instance) && !('wechatId' in instance)) {
    throw badRequest(ErrorCode.INVALID_BENEFIT_CONFIG, 'A SERVICE benefit needs a phone or a WeChat id');
  }
  return { ...instance } as Record<string, unknown>;
}
