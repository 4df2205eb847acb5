import { EntityManager, In } from 'typeorm';
import { ErrorCode } from '@member-commerce/shared';
import { badRequest } from '../common/domain-error';
import { Benefit } from './benefit.entity';

/** The benefits with these ids; 400 when any id does not exist. */
export async function findBenefitsOrThrow(manager: EntityManager, ids: number[]): Promise<Benefit[]> {
  const unique = [...new Set(ids)];
  const benefits = unique.length ? await manager.findBy(Benefit, { id: In(unique) }) : [];
  if (benefits.length !== unique.length) throw badRequest(ErrorCode.BENEFIT_NOT_FOUND, 'Some benefitIds do not exist');
  return benefits;
}
