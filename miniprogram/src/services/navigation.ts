import Taro from '@tarojs/taro';
import { Routes, TabRoutes, type Route } from '../routes';

type Params = Record<string, string | number | undefined>;

export function urlOf(route: Route, params?: Params): string {
  const query = Object.entries(params ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return query ? `${route}?${query}` : route;
}

/** Tab pages need switchTab (and take no params); everything else is navigateTo. */
export function go(route: Route, params?: Params) {
  if (TabRoutes.includes(route)) return Taro.switchTab({ url: route });
  return Taro.navigateTo({ url: urlOf(route, params) });
}

/** Replace the current page (payment → result, so "back" does not return to a paid checkout). */
export function replace(route: Route, params?: Params) {
  if (TabRoutes.includes(route)) return Taro.switchTab({ url: route });
  return Taro.redirectTo({ url: urlOf(route, params) });
}

export function back(fallback: Route = Routes.home) {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack();
  return replace(fallback);
}

export const goLogin = () => go(Routes.devLogin);
