import Taro from '@tarojs/taro';
import { ApiError } from './api-error';
import { wechatLogin } from './api/auth';
import { isH5 } from './env';
import { setLoginHandler } from './request';
import { session } from './session';

let inFlight: Promise<string> | null = null;

/** A WeChat login code: `wx.login` in the mini-program, `dev:<name>` typed on the H5 dev-login page. */
async function obtainCode(): Promise<string> {
  if (isH5) {
    const name = session.getDevName();
    if (!name) throw new ApiError('LOGIN_REQUIRED', '请先登录');
    return `dev:${name}`;
  }
  const { code } = await Taro.login();
  if (!code) throw new ApiError('WECHAT_LOGIN_FAILED', '微信登录失败');
  return code;
}

/** Logs in (once, however many requests ask at the same time) and stores the session token. */
function login(): Promise<string> {
  if (!inFlight) {
    inFlight = (async () => {
      const { token } = await wechatLogin(await obtainCode());
      session.setToken(token);
      return token;
    })().finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

/** H5 dev mode: remember the tester's name and log in as `dev:<name>`. */
export async function devLogin(name: string): Promise<void> {
  session.clearToken();
  session.setDevName(name.trim());
  await login();
}

export function logout() {
  session.clearToken();
  session.clearDevName();
}

/** True when a login can happen without asking the user (weapp always; H5 once a dev name is known). */
export const canLoginSilently = () => !isH5 || Boolean(session.getDevName());

setLoginHandler(login);
