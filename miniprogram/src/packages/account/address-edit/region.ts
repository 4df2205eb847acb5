/** A 省 / 市 / 区 triple as it is stored on an address. */
export interface Region {
  province: string;
  city: string;
  district: string;
}
