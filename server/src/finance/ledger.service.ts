import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { LedgerEntry } from './ledger-entry.entity';

/** Appends to the revenue ledger inside the caller's transaction. */
@Injectable()
export class LedgerService {
  async record(manager: EntityManager, entry: Omit<LedgerEntry, 'id'>): Promise<void> {
    if (await manager.existsBy(LedgerEntry, { sourceKey: entry.sourceKey })) return;
    await manager.insert(LedgerEntry, entry);
  }
}
