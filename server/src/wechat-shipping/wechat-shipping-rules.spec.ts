import { maskPhone } from '@member-commerce/shared';
import { expressParcel, isRetryable, itemDescription, retryDelayMs } from './wechat-shipping-rules';

describe('WeChat shipping rules', () => {
  it('maps our couriers to WeChat delivery ids and adds the masked receiver phone only where the courier needs it', () => {
    expect(expressParcel('JT', 'JT0001234567', '茶*1', '13800138000')).toEqual({
      expressCompany: 'JTSD',
      trackingNo: 'JT0001234567',
      itemDesc: '茶*1',
    });
    expect(expressParcel('SF', 'SF1234567890', '茶*1', '13800138000')).toEqual({
      expressCompany: 'SF',
      trackingNo: 'SF1234567890',
      itemDesc: '茶*1',
      receiverContact: '138****8000',
    });
  });

  it('masks a phone keeping the last four digits', () => {
    expect(maskPhone('13912345678')).toBe('139****5678');
    expect(maskPhone('+86 139-1234-5678')).toBe('861******5678');
  });

  it('describes the items within 120 characters', () => {
    expect(
      itemDescription(
        [
          { name: '红茶', quantity: 2 },
          { name: '茶杯', quantity: 1 },
        ],
        '会员',
      ),
    ).toBe('红茶*2；茶杯*1');
    expect(itemDescription([], '年卡会员')).toBe('年卡会员');
    expect(itemDescription([{ name: '长'.repeat(200), quantity: 1 }], '')).toHaveLength(120);
  });

  it('retries WeChat-busy and payment-not-yet-on-file answers, backing off, but not refusals', () => {
    expect(isRetryable(10060001)).toBe(true);
    expect(isRetryable(-1)).toBe(true);
    expect(isRetryable(10060003)).toBe(false);
    expect(isRetryable(10060004)).toBe(false);
    expect([1, 2, 3, 20].map(retryDelayMs)).toEqual([60_000, 120_000, 240_000, 360 * 60_000]);
  });
});
