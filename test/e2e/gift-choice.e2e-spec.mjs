// Choosing the welcome gift (issue #21) in the H5 storefront at 375 × 812: each pack with its contents, the address
// it ships to (default preselected; the WeChat address import falls back to the form on H5), a confirmation, and
// the join success page saying what comes next. Also the customer's own nickname and avatar (头像昵称填写, #18).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiClient } from './support/api.mjs';
import { launchBrowser, newPhone, open, shot, storedToken } from './support/browser.mjs';
import { startServer } from './support/server.mjs';

const press = (view, label) =>
  view
    .locator('taro-button-core')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) })
    .first()
    .click();

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const unique = (prefix) => `${prefix}-${Date.now().toString(36)}${Math.floor(Math.random() * 1000)}`;

async function devLogin(page, name) {
  const view = await open(page, server.baseUrl, '/packages/dev/login/index');
  await view.locator('input[placeholder*="输入用户名"]').fill(name);
  await press(view, '模拟微信登录');
  await page.waitForFunction(() => Boolean(localStorage.getItem('mc.token')));
  await page.waitForURL(/pages\/home\/index/);
}

/** A new member of the ANNUAL tier who has not chosen a welcome pack yet; answers the paid membership order. */
async function joinWithoutGift(api) {
  const tiers = await api.get('/api/tiers');
  const annual = tiers.find((tier) => tier.code === 'ANNUAL');
  const bought = await api.post('/api/orders/membership', { tierId: annual.id });
  await apiClient(server.baseUrl).post(`/api/dev/wechat/pay/${bought.order.outTradeNo}/confirm`);
  return { annual, order: bought.order };
}

const address = (detail, isDefault = false) => ({
  name: '林一',
  phone: '13900139000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  detail,
  isDefault,
});

describe('choosing the welcome gift pack', () => {
  it('choosing a gift pack with its address: contents shown, default address preselected, confirmed, shipped there', async () => {
    const { page, context, problems } = await newPhone(browser);
    try {
      await devLogin(page, unique('gift'));
      const api = apiClient(server.baseUrl, await storedToken(page));
      const { annual, order } = await joinWithoutGift(api);
      const home = await api.post('/api/me/addresses', address('默认地址 1 号', true));
      const office = await api.post('/api/me/addresses', address('公司 8 号楼'));

      const join = await open(page, server.baseUrl, `/packages/member/join/index?tierId=${annual.id}`);
      await join.getByTestId('tier-comparison').waitFor();
      await join.getByTestId('join-gift-preview').waitFor();
      await shot(page, 'gift-01-join-packs-and-comparison');

      const success = await open(page, server.baseUrl, `/packages/member/join-success/index?orderId=${order.id}`);
      const next = success.getByTestId('join-gift-next');
      await next.waitFor({ timeout: 20_000 });
      assert.equal(await next.getAttribute('data-status'), 'CLAIMABLE');
      await shot(page, 'gift-02-join-success-choose-next');
      await press(success, '选择开卡礼包');

      const gifts = page.locator('.taro_page[id^="/packages/member/gift-packs/index"]:visible').last();
      const options = gifts.getByTestId('gift-pack-option');
      await options.first().waitFor();
      assert.ok((await gifts.getByTestId('gift-pack-item').count()) > 0, 'each pack lists what is inside');
      await shot(page, 'gift-03-packs-with-contents');
      const pack = annual.giftPacks.filter((g) => g.inStock).at(-1);
      await options.filter({ hasText: pack.name }).first().click();
      await press(gifts, '选好了，填写收货地址');

      const step = gifts.getByTestId('gift-address-step');
      await step.waitFor();
      const preselected = step.locator('[data-testid=gift-address][data-selected=yes]');
      await preselected.filter({ hasText: '默认地址 1 号' }).waitFor();
      await shot(page, 'gift-04-address-step-default-preselected');
      await step.getByTestId('gift-address').filter({ hasText: '公司 8 号楼' }).click();
      await press(step, '下一步');

      const confirm = gifts.getByTestId('gift-confirm-step');
      await confirm.getByText('公司 8 号楼', { exact: false }).waitFor();
      await shot(page, 'gift-05-confirm');
      await press(confirm, '确认领取');
      await gifts.getByTestId('welcome-gift').filter({ hasText: '已领取' }).waitFor();
      await shot(page, 'gift-06-claimed');

      const view = await api.get('/api/me/gift-packs');
      assert.equal(view.welcome.status, 'CLAIMED');
      const giftOrder = view.orders.find((o) => o.id === view.welcome.orderId);
      assert.equal(giftOrder.address.detail, '公司 8 号楼');
      assert.equal(view.welcome.giftPack.id, pack.id);
      assert.notEqual(office.id, home.id);

      const after = await open(page, server.baseUrl, `/packages/member/join-success/index?orderId=${order.id}`);
      // The page reloads when shown again: it now says the gift is on its way.
      await after.locator('[data-testid=join-gift-next][data-status=CLAIMED]').waitFor({ timeout: 20_000 });
      await after.getByText('你的开卡礼已在路上').waitFor();
      await shot(page, 'gift-07-join-success-on-its-way');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('the WeChat-address import falls back to the form on H5, with a 省市区 picker', async () => {
    const { page, context, problems } = await newPhone(browser);
    try {
      await devLogin(page, unique('wxaddr'));
      const api = apiClient(server.baseUrl, await storedToken(page));
      await joinWithoutGift(api);

      const gifts = await open(page, server.baseUrl, '/packages/member/gift-packs/index');
      await gifts.getByTestId('gift-pack-option').first().waitFor();
      await press(gifts, '选好了，填写收货地址');
      const step = gifts.getByTestId('gift-address-step');
      await step.getByText('还没有收货地址，请先添加').waitFor();
      await step.getByText('网页版无法读取微信收货地址，请手动填写').waitFor();
      await shot(page, 'wxaddr-01-address-step-no-address');
      await press(step, '使用微信地址');

      const form = page.locator('.taro_page[id^="/packages/account/address-edit/index"]:visible').last();
      await form.getByTestId('wechat-address-unavailable').waitFor();
      await form.locator('input[name=name]').fill('周二');
      await form.locator('input[name=phone]').fill('13600136000');
      await form.getByTestId('region-field').click();
      for (const name of ['浙江省', '杭州市', '西湖区']) {
        await page
          .locator('.nut-cascader-item', { hasText: new RegExp(`^\\s*${name}\\s*$`) })
          .first()
          .click();
      }
      await form.getByText('浙江省 杭州市 西湖区').waitFor();
      await form.locator('input[name=detail]').fill('灵隐路 3 号');
      await shot(page, 'wxaddr-02-form-fallback-filled');
      await form.getByTestId('address-save').click();

      const back = gifts.getByTestId('gift-address-step');
      await back.locator('[data-testid=gift-address][data-selected=yes]', { hasText: '灵隐路 3 号' }).waitFor();
      await shot(page, 'wxaddr-03-new-address-selected');
      await press(back, '下一步');
      await press(gifts.getByTestId('gift-confirm-step'), '确认领取');
      await gifts.getByTestId('welcome-gift').filter({ hasText: '已领取' }).waitFor();

      const [saved] = await api.get('/api/me/addresses');
      assert.deepEqual(
        [saved.province, saved.city, saved.district, saved.detail],
        ['浙江省', '杭州市', '西湖区', '灵隐路 3 号'],
      );
      const view = await api.get('/api/me/gift-packs');
      assert.equal(view.orders.find((o) => o.id === view.welcome.orderId).address.detail, '灵隐路 3 号');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it('a customer sets their nickname and avatar on 我的 (H5: a text field and a file picker)', async () => {
    const { page, context, problems } = await newPhone(browser);
    try {
      await devLogin(page, unique('nick'));
      const api = apiClient(server.baseUrl, await storedToken(page));
      const mine = await open(page, server.baseUrl, '/pages/profile/index');
      await shot(page, 'profile-01-mine');
      await mine.getByTestId('profile-edit-link').click();

      const edit = page.locator('.taro_page[id^="/packages/account/profile-edit/index"]:visible').last();
      await edit.getByTestId('nickname-input').waitFor();
      const chooser = page.waitForEvent('filechooser');
      await edit.getByTestId('avatar-pick').click();
      // The smallest valid PNG (1×1).
      const png = Buffer.from(
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
        'base64',
      );
      await (await chooser).setFiles({ name: 'me.png', mimeType: 'image/png', buffer: png });
      await edit.getByTestId('profile-avatar').waitFor();
      await edit.locator('input').first().fill('小林同学');
      await shot(page, 'profile-02-edit');
      await press(edit, '保存');
      await page.waitForFunction(async () => true);

      for (let i = 0; i < 20 && (await api.get('/api/me/profile')).nickname !== '小林同学'; i++)
        await page.waitForTimeout(250);
      const profile = await api.get('/api/me/profile');
      assert.equal(profile.nickname, '小林同学');
      assert.match(profile.avatarUrl, /^\/media\//);

      const again = await open(page, server.baseUrl, '/pages/profile/index');
      await again.getByTestId('profile-name').filter({ hasText: '小林同学' }).waitFor();
      await shot(page, 'profile-03-mine-after');
      assert.deepEqual(
        problems.filter((p) => p.startsWith('pageerror')),
        [],
      );
    } finally {
      await context.close();
    }
  });
});
