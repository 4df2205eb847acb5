import type { EntityManager } from 'typeorm';
import type { OrderKind, OrderStatus } from '@member-commerce/shared';
import { insertRow, updateRows } from '../database/rows';
import { OrderEvent } from './order-event.entity';
import { OrderHook, OrderHookRegistry } from './order-hooks';
import { canTransition, ORDER_TRANSITIONS, OrderStateMachine } from './order-state';
import { Order } from './order.entity';

describe('order state machine', () => {
  it('an unpaid order can be paid or closed', () => {
    expect(canTransition('PENDING_PAYMENT', 'PAID')).toBe(true);
    expect(canTransition('PENDING_PAYMENT', 'CLOSED')).toBe(true);
  });

  it('a closed order can still be paid by a late notification, nothing else', () => {
    expect(ORDER_TRANSITIONS.CLOSED).toEqual(['PAID']);
  });

  it('a refunded order is final', () => {
    expect(ORDER_TRANSITIONS.REFUNDED).toEqual([]);
  });

  it('an unpaid order cannot be shipped or refunded', () => {
    expect(canTransition('PENDING_PAYMENT', 'SHIPPED')).toBe(false);
    expect(canTransition('PENDING_PAYMENT', 'REFUNDED')).toBe(false);
  });

  it('a paid order may close (the gift cancel guard decides which kinds), a shipped one may not', () => {
    expect(canTransition('PAID', 'CLOSED')).toBe(true);
    expect(canTransition('SHIPPED', 'CLOSED')).toBe(false);
  });
});

jest.mock('../database/rows', () => ({
  insertRow: jest.fn(async () => 1),
  insertRows: jest.fn(async () => 1),
  updateRows: jest.fn(async () => 1),
}));

describe('OrderStateMachine.transition', () => {
  /** The machine writes through database/rows.ts (mocked above): the rows it writes are read from those mocks. */
  const manager = () => ({}) as EntityManager;
  const updated = () => jest.mocked(updateRows).mock.calls.map(([, target, where, set]) => [target, where, set]);
  const inserted = () => jest.mocked(insertRow).mock.calls.map(([, target, values]) => [target, values]);
  beforeEach(() => jest.clearAllMocks());
  const order = (status: OrderStatus, kind: OrderKind = 'PRODUCT') =>
    ({ id: 7, kind, status, paidAt: null, closedAt: null }) as unknown as Order;
  const now = new Date('2026-11-23T00:00:00Z');

  it('writes the status with its time stamp and a history row, then runs the matching hooks', async () => {
    const hooks = new OrderHookRegistry();
    const seen: string[] = [];
    hooks.register({
      name: 'paid products',
      on: { kind: 'PRODUCT', to: 'PAID' },
      after: async ({ from, to }) => void seen.push(`${from}→${to}`),
    });
    hooks.register({
      name: 'memberships only',
      on: { kind: 'MEMBERSHIP' },
      after: async () => void seen.push('membership'),
    });
    const m = manager();
    const target = order('PENDING_PAYMENT');
    await new OrderStateMachine(hooks).transition(m, target, 'PAID', now, 'wechat 42');
    expect(target).toMatchObject({ status: 'PAID', paidAt: now });
    expect(updated()).toEqual([[Order, { id: 7 }, { status: 'PAID', paidAt: now }]]);
    expect(inserted()).toEqual([
      [OrderEvent, { orderId: 7, fromStatus: 'PENDING_PAYMENT', toStatus: 'PAID', note: 'wechat 42' }],
    ]);
    expect(seen).toEqual(['PENDING_PAYMENT→PAID']);
  });

  it('refuses a transition the table does not allow, writing nothing', async () => {
    const m = manager();
    await expect(
      new OrderStateMachine(new OrderHookRegistry()).transition(m, order('CLOSED'), 'SHIPPED', now),
    ).rejects.toMatchObject({ code: 'INVALID_ORDER_TRANSITION' });
    expect(updated()).toEqual([]);
  });

  it('a guard vetoes a transition before anything is written', async () => {
    const hooks = new OrderHookRegistry();
    hooks.register({
      name: 'no',
      on: { to: 'SHIPPED' },
      before: () => {
        throw new Error('vetoed');
      },
    });
    const m = manager();
    const target = order('PAID');
    await expect(new OrderStateMachine(hooks).transition(m, target, 'SHIPPED', now)).rejects.toThrow('vetoed');
    expect(target.status).toBe('PAID');
    expect(updated()).toEqual([]);
  });

  it('a hook runs after the hooks whose writes it reads, named, whatever the registration order', async () => {
    const hooks = new OrderHookRegistry();
    const seen: string[] = [];
    const hook = (name: string, deps: Partial<OrderHook> = {}) =>
      hooks.register({ name, on: {}, ...deps, after: async () => void seen.push(name) });
    hook('ledger', { runsAfter: ['terms'] });
    hook('reminders');
    hook('terms');
    hook('grace', { runsBefore: ['terms'] });
    await new OrderStateMachine(hooks).transition(manager(), order('PENDING_PAYMENT', 'MEMBERSHIP'), 'PAID', now);
    expect(seen).toEqual(['reminders', 'grace', 'terms', 'ledger']);
  });

  it('a hook naming an unknown hook, a name registered twice or a circle of hooks fails loudly', () => {
    const unknown = new OrderHookRegistry();
    unknown.register({ name: 'ledger', on: {}, runsAfter: ['no such hook'] });
    expect(() => unknown.list()).toThrow('unknown hook');
    expect(() => unknown.register({ name: 'ledger', on: {} })).toThrow('twice');
    const circle = new OrderHookRegistry();
    circle.register({ name: 'a', on: {}, runsAfter: ['b'] });
    circle.register({ name: 'b', on: {}, runsAfter: ['a'] });
    expect(() => circle.list()).toThrow('circle');
  });

  it('an order is created only in a status its kind may start in', async () => {
    await expect(
      new OrderStateMachine(new OrderHookRegistry()).create(manager(), { kind: 'PRODUCT' }, 'PAID', now),
    ).rejects.toMatchObject({ code: 'INVALID_ORDER_TRANSITION' });
  });
});
