import { areaList } from '@vant/area-data';

/** A 省 / 市 / 区 triple as people write it on an address. */
export interface Region {
  province: string;
  city: string;
  district: string;
}

/** "province/city/district" of every county-level division in the dataset the storefront's picker shows. */
const KNOWN = new Set(
  Object.entries(areaList.county_list).map(([code, district]) => {
    const province = areaList.province_list[`${code.slice(0, 2)}0000`];
    const city = areaList.city_list[`${code.slice(0, 4)}00`];
    return `${province}/${city}/${district}`;
  }),
);

/**
 * Whether a 省市区 triple names a real division (the pinned @vant/area-data the storefront's picker uses, which
 * follows the national codes WeChat's address names come from).
 */
export const isKnownRegion = ({ province, city, district }: Region): boolean =>
  KNOWN.has(`${province.trim()}/${city.trim()}/${district.trim()}`);
