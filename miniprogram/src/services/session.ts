import Taro from '@tarojs/taro';

/** The customer's session token and (H5 dev mode) the remembered dev-login name, kept in storage. */
const TOKEN_KEY = 'mc.token';
const DEV_NAME_KEY = 'mc.devName';

type Listener = () => void;
const listeners = new Set<Listener>();

export const session = {
  getToken(): string {
    return Taro.getStorageSync<string>(TOKEN_KEY) || '';
  },
  setToken(token: string) {
    Taro.setStorageSync(TOKEN_KEY, token);
    listeners.forEach((fn) => fn());
  },
  clearToken() {
    Taro.removeStorageSync(TOKEN_KEY);
    listeners.forEach((fn) => fn());
  },
  getDevName(): string {
    return Taro.getStorageSync<string>(DEV_NAME_KEY) || '';
  },
  setDevName(name: string) {
    Taro.setStorageSync(DEV_NAME_KEY, name);
  },
  clearDevName() {
    Taro.removeStorageSync(DEV_NAME_KEY);
  },
  subscribe(fn: Listener): () => void {
    listeners.add(fn);
    return () => listeners.delete(fn);
  },
};
