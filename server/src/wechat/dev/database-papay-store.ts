import { DataSource, In, Like } from 'typeorm';
import { Transactions } from '../../database/transactions';
import { DevWechatPapayContract, DevWechatPapayNotice } from './dev-wechat-papay.entity';
import type { PapayStore, SimulatedPapayContract, SimulatedPapayNotice } from './papay-store';

const withoutNulls = <T>(row: object): T =>
  Object.fromEntries(Object.entries(row).filter(([, value]) => value !== null)) as T;

/** The papay simulator's state in the app's database, so every API process sees the same contracts. */
export class DatabasePapayStore implements PapayStore {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
  ) {}

  async insertContract(contract: SimulatedPapayContract): Promise<void> {
    await this.transactions.run((manager) =>
      manager.insert(DevWechatPapayContract, { contractId: null, signedAt: null, terminatedAt: null, ...contract }),
    );
  }

  async findByCode(outContractCode: string) {
    const row = await this.dataSource.manager.findOneBy(DevWechatPapayContract, { outContractCode });
    return row ? withoutNulls<SimulatedPapayContract>(row) : undefined;
  }

  async findByCodePrefix(prefix: string) {
    const rows = await this.dataSource.manager.find(DevWechatPapayContract, {
      where: { outContractCode: Like(`${prefix}%`) },
    });
    const row = rows.find((candidate) => candidate.state !== 'TERMINATED') ?? rows[0];
    return row ? withoutNulls<SimulatedPapayContract>(row) : undefined;
  }

  async findByContractId(contractId: string) {
    const row = await this.dataSource.manager.findOneBy(DevWechatPapayContract, { contractId });
    return row ? withoutNulls<SimulatedPapayContract>(row) : undefined;
  }

  async updateContract(
    outContractCode: string,
    from: SimulatedPapayContract['state'][],
    patch: Partial<SimulatedPapayContract>,
  ): Promise<boolean> {
    const result = await this.transactions.run((manager) =>
      manager.update(DevWechatPapayContract, { outContractCode, state: In(from) }, patch),
    );
    return (result.affected ?? 0) > 0;
  }

  async insertNotice(notice: SimulatedPapayNotice): Promise<void> {
    await this.transactions.run((manager) => manager.insert(DevWechatPapayNotice, notice));
  }

  async noticesOf(contractId: string): Promise<SimulatedPapayNotice[]> {
    const rows = await this.dataSource.manager.find(DevWechatPapayNotice, {
      where: { contractId },
      order: { id: 'DESC' },
    });
    return rows.map(({ id: _id, ...notice }) => notice);
  }
}
