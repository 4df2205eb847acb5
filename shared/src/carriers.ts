/** Courier companies a shop in China ships with, by the codes staff pick and customers see named. */
export const CARRIERS = {
  SF: '顺丰速运',
  ZTO: '中通快递',
  YTO: '圆通速递',
  STO: '申通快递',
  YD: '韵达快递',
  JD: '京东物流',
  EMS: '中国邮政 EMS',
  JT: '极兔速递',
  DBL: '德邦快递',
} as const;

export type CarrierCode = keyof typeof CARRIERS;
export const CARRIER_CODES = Object.keys(CARRIERS) as CarrierCode[];

/** A courier tracking number as shops and customers type it: 6–40 letters, digits or -. */
export const TRACKING_NO_PATTERN = /^[A-Za-z0-9-]{6,40}$/;
export const isCarrierCode = (code: string): code is CarrierCode => (CARRIER_CODES as string[]).includes(code);
