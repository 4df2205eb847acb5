import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { RefundRequest } from './refund-request.entity';
import type { Refund } from './refund.entity';

/** Features that follow refunds (after-sales) listen here, inside the transaction that changed the refund. */
export interface RefundListener {
  /** A refund was created, sent, finished, refused, retried or closed: `refund.status` is its new state. */
  refundChanged?(manager: EntityManager, refund: Refund): Promise<void>;
  /** A refund request was rejected (an approval is followed by `refundChanged` of the refund it made). */
  requestRejected?(manager: EntityManager, request: RefundRequest): Promise<void>;
}

/** The refund side's hooks, so payments never import the features that follow it (no import cycle). */
@Injectable()
export class RefundEvents {
  private readonly listeners: RefundListener[] = [];

  listen(listener: RefundListener): void {
    this.listeners.push(listener);
  }

  async refundChanged(manager: EntityManager, refund: Refund): Promise<void> {
    for (const listener of this.listeners) await listener.refundChanged?.(manager, refund);
  }

  async requestRejected(manager: EntityManager, request: RefundRequest): Promise<void> {
    for (const listener of this.listeners) await listener.requestRejected?.(manager, request);
  }
}
