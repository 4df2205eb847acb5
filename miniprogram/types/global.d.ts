/// <reference types="@tarojs/taro" />

declare module '*.png';
declare module '*.css';

/** Injected by config/index.ts defineConstants: API origin ('' = same origin, the H5 case). */
declare const API_BASE: string;

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5';
  }
}
