/** A deduction contract as the simulated WeChat holds it. */
export interface SimulatedPapayContract {
  outContractCode: string;
  preEntrustwebId: string;
  /** Assigned when the user signs. */
  contractId?: string;
  planId: number;
  appid: string;
  mchid: string;
  openid: string;
  displayAccount: string;
  notifyUrl: string;
  state: 'PENDING' | 'SIGNED' | 'TERMINATED';
  signedAt?: string;
  terminatedAt?: string;
  /** Tests: the user's balance is short, every charge fails (NOT_ENOUGH). */
  failCharges: boolean;
}

/** A 预扣费通知 the simulated WeChat showed the user. */
export interface SimulatedPapayNotice {
  contractId: string;
  amountFen: number;
  durationDays: number;
  sentAt: string;
}

/** The papay simulator's state: the database in the app (several processes), memory in the fake WeChat server. */
export interface PapayStore {
  insertContract(contract: SimulatedPapayContract): Promise<void>;
  findByCode(outContractCode: string): Promise<SimulatedPapayContract | undefined>;
  /** The newest contract whose code starts with `prefix`. */
  findByCodePrefix(prefix: string): Promise<SimulatedPapayContract | undefined>;
  findByContractId(contractId: string): Promise<SimulatedPapayContract | undefined>;
  /** Applies `patch` only while the contract is in one of `from`; returns whether it did. */
  updateContract(
    outContractCode: string,
    from: SimulatedPapayContract['state'][],
    patch: Partial<SimulatedPapayContract>,
  ): Promise<boolean>;
  insertNotice(notice: SimulatedPapayNotice): Promise<void>;
  /** Newest first. */
  noticesOf(contractId: string): Promise<SimulatedPapayNotice[]>;
}

export class MemoryPapayStore implements PapayStore {
  private readonly contracts = new Map<string, SimulatedPapayContract>();
  private readonly notices: SimulatedPapayNotice[] = [];

  async insertContract(contract: SimulatedPapayContract) {
    this.contracts.set(contract.outContractCode, { ...contract });
  }
  async findByCode(outContractCode: string) {
    const contract = this.contracts.get(outContractCode);
    return contract && { ...contract };
  }
  async findByCodePrefix(prefix: string) {
    const contract = [...this.contracts.values()].reverse().find((c) => c.outContractCode.startsWith(prefix));
    return contract && { ...contract };
  }
  async findByContractId(contractId: string) {
    const contract = [...this.contracts.values()].find((c) => c.contractId === contractId);
    return contract && { ...contract };
  }
  async updateContract(
    outContractCode: string,
    from: SimulatedPapayContract['state'][],
    patch: Partial<SimulatedPapayContract>,
  ) {
    const contract = this.contracts.get(outContractCode);
    if (!contract || !from.includes(contract.state)) return false;
    Object.assign(contract, patch);
    return true;
  }
  async insertNotice(notice: SimulatedPapayNotice) {
    this.notices.unshift({ ...notice });
  }
  async noticesOf(contractId: string) {
    return this.notices.filter((n) => n.contractId === contractId).map((n) => ({ ...n }));
  }
}
