import { EntityManager, In } from 'typeorm';
import { ErrorCode } from '@member-commerce/shared';
import { badRequest, conflict } from '../common/domain-error';
import { Benefit } from './benefit.entity';

/**
 * The benefits with these ids; 400 when any id does not exist, 409 when one is archived and not already
 * among `kept` (an archived benefit stays where it was, but nothing new may take it).
 */
export async function findBenefitsOrThrow(
  manager: EntityManager,
  ids: number[],
  kept: readonly { id: number }[] = [],
): Promise<Benefit[]> {
  const unique = [...new Set(ids)];
  const benefits = unique.length ? await manager.findBy(Benefit, { id: In(unique) }) : [];
  if (benefits.length !== unique.length) throw badRequest(ErrorCode.BENEFIT_NOT_FOUND, 'Some benefitIds do not exist');
  const archived = benefits.find(
    (benefit) => benefit.status === 'ARCHIVED' && !kept.some((old) => old.id === benefit.id),
  );
  if (archived)
    throw conflict(ErrorCode.BENEFIT_ARCHIVED, `权益「${archived.title}」已归档，不能再加入`, {
      benefitId: archived.id,
    });
  return benefits;
}
