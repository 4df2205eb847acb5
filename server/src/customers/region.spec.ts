import { isKnownRegion } from './region';

describe('isKnownRegion', () => {
  it('accepts a province, its city and one of its districts', () => {
    expect(isKnownRegion({ province: '浙江省', city: '杭州市', district: '西湖区' })).toBe(true);
  });

  it('accepts a municipality written as WeChat writes it (北京市 / 北京市 / 朝阳区)', () => {
    expect(isKnownRegion({ province: '北京市', city: '北京市', district: '朝阳区' })).toBe(true);
  });

  it('refuses a district of another city and made-up names', () => {
    expect(isKnownRegion({ province: '浙江省', city: '杭州市', district: '浦东新区' })).toBe(false);
    expect(isKnownRegion({ province: '火星省', city: '杭州市', district: '西湖区' })).toBe(false);
  });
});
