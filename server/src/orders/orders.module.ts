import { Module } from '@nestjs/common';
import { OrderClosingService } from './order-closing.service';
import { OrderHookRegistry } from './order-hooks';
import { OrderStateMachine } from './order-state';
import { GiftCancelHooks } from './gift-cancel.hooks';
import { OrderStockHooks } from './order-stock.hooks';
import { OrdersService } from './orders.service';

/**
 * The order lifecycle's core: the state machine, the hooks other features register on it, stock, closing and
 * reading. Checkout, payments, membership, milestones and finance build on it; it depends on none of them.
 */
@Module({
  providers: [
    OrderHookRegistry,
    OrderStateMachine,
    OrderStockHooks,
    GiftCancelHooks,
    OrderClosingService,
    OrdersService,
  ],
  exports: [OrderHookRegistry, OrderStateMachine, OrderClosingService, OrdersService],
})
export class OrdersModule {}
