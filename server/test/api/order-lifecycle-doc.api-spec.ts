import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OrderHookRegistry } from '../../src/orders/order-hooks';
import { renderOrderLifecycle, withGeneratedLifecycle } from '../../src/orders/order-lifecycle-doc';
import { startTestApp, TestApp } from '../support/test-app';

const DOC = join(__dirname, '..', '..', '..', 'docs', 'order-lifecycle.md');

/**
 * docs/order-lifecycle.md states every transition and hook: its generated part is rendered from the booted app's
 * registry. `pnpm --filter @member-commerce/server docs:lifecycle` (UPDATE_LIFECYCLE_DOC=1) rewrites it.
 */
describe('order lifecycle doc', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ seed: false });
  }, 300_000);
  afterAll(() => t.close());

  it('docs/order-lifecycle.md lists exactly the transitions and hooks the running app registers', () => {
    const doc = readFileSync(DOC, 'utf8');
    const expected = withGeneratedLifecycle(doc, renderOrderLifecycle(t.app.get(OrderHookRegistry).list()));
    if (process.env.UPDATE_LIFECYCLE_DOC === '1') writeFileSync(DOC, expected);
    else expect(doc).toBe(expected);
  });
});
