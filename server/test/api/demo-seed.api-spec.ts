import type { CheckoutQuote, OrderView, Page } from '@member-commerce/shared';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The demo shop `pnpm start` shows. The one API spec that boots with the demo seed (seed-free-specs.api-spec.ts
 * keeps it so): it checks the seed itself, never a feature through the seed's numbers.
 */
describe('demo seed', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: true });
  }, 300_000); // seeding a year of demo finance is slow on a shared, loaded machine
  afterAll(() => t.close());

  const member = () => t.customer('demo-member');

  it('the demo member has paid product orders to show', async () => {
    const orders = (
      await t.http
        .get('/api/orders')
        .query({ pageSize: 50 })
        .set(await member())
        .expect(200)
    ).body as Page<OrderView>;
    expect(orders.items.filter((order) => order.kind === 'PRODUCT' && order.status === 'PAID').length).toBeGreaterThan(
      0,
    );
  });

  it('demo orders are priced by checkout: each equals a quote of the same basket for the same member', async () => {
    const auth = await member();
    const orders = (await t.http.get('/api/orders').query({ pageSize: 50 }).set(auth).expect(200))
      .body as Page<OrderView>;
    const products = orders.items.filter((order) => order.kind === 'PRODUCT');
    expect(products.length).toBeGreaterThan(0);
    for (const order of products) {
      const items = order.lines.map((line) => ({ skuId: line.skuId!, quantity: line.quantity }));
      const quote = (await t.http.post('/api/orders/quote').set(auth).send({ items }).expect(200))
        .body as CheckoutQuote;
      const withoutId = ({ id: _id, ...line }: { id: number }) => line;
      expect(order.lines.map(withoutId)).toEqual(quote.lines.map(withoutId));
      expect({ totalFen: order.totalFen, listTotalFen: order.listTotalFen, shippingFen: order.shippingFen }).toEqual({
        totalFen: quote.totalFen,
        listTotalFen: quote.listTotalFen,
        shippingFen: quote.shippingFen,
      });
    }
  });
});
