/** Build-time facts about where we run. API_BASE comes from config/index.ts (TARO_APP_API_BASE). */
export const apiBase: string = API_BASE;
export const isH5 = process.env.TARO_ENV === 'h5';
export const isWeapp = process.env.TARO_ENV === 'weapp';
