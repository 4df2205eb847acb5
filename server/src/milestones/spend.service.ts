import { Injectable } from '@nestjs/common';
import { Fen } from '@member-commerce/shared';

/**
 * Counted spend (paid PRODUCT orders during a term, minus refunds) and member savings.
 * Orders arrive with the orders feature; until then nothing has been spent.
 */
@Injectable()
export class SpendService {
  async countedSpend(_termId: number): Promise<Fen> {
    return 0;
  }

  async savings(_customerId: number): Promise<Fen> {
    return 0;
  }
}
