import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { RequestMethod } from '@nestjs/common';
import { DECORATORS } from '@nestjs/swagger/dist/constants';

/** One route as a controller file declares it: `GET /api/orders/{id}` served from `checkout/orders.controller.ts`. */
export interface DeclaredRoute {
  method: string;
  path: string;
  file: string;
  /** Left out of the OpenAPI document on purpose (WeChat's callbacks). */
  excluded: boolean;
}

const SRC = join(__dirname, '..');

function controllerFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return controllerFiles(path);
    return /\.controller\.(ts|js)$/.test(name) ? [path] : [];
  });
}

const paths = (value: unknown): string[] => (Array.isArray(value) ? value : [value ?? '']).map(String);
const join_ = (...parts: string[]) =>
  `/${parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .map((segment) => (segment.startsWith(':') ? `{${segment.slice(1)}}` : segment))
    .join('/')}`;

/** Every route of every `*.controller.ts` under server/src, read from Nest's decorator metadata. */
export function declaredRoutes(): DeclaredRoute[] {
  return controllerFiles(SRC).flatMap((path) => {
    const file = relative(SRC, path).replace(/\.js$/, '.ts');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const exported = Object.values(require(path) as Record<string, unknown>);
    return exported
      .filter((value): value is new () => object => typeof value === 'function')
      .filter((controller) => Reflect.hasOwnMetadata(PATH_METADATA, controller))
      .flatMap((controller) =>
        Object.getOwnPropertyNames(controller.prototype).flatMap((name) => {
          const handler = (controller.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') return [];
          if (!Reflect.hasOwnMetadata(PATH_METADATA, handler)) return [];
          const excluded = Boolean(Reflect.getMetadata(DECORATORS.API_EXCLUDE_ENDPOINT, handler));
          const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number].toLowerCase();
          return paths(Reflect.getMetadata(PATH_METADATA, controller)).flatMap((base) =>
            paths(Reflect.getMetadata(PATH_METADATA, handler)).map((sub) => ({
              method,
              path: join_('api', base, sub),
              file,
              excluded,
            })),
          );
        }),
      );
  });
}

/** Segments that scope a resource rather than name one: /api/admin/<resource>, /api/me/<resource>, … */
const SCOPES = [['admin'], ['me'], ['dev', 'wechat']];

/**
 * The URL prefix a route belongs to: its scope (if any) and the resource after it, e.g.
 * `/api/admin/orders/{id}/refunds` → `/api/admin/orders`, `/api/orders/{id}/receipt` → `/api/orders`.
 */
export function urlPrefix(path: string): string {
  const segments = path.split('/').filter(Boolean).slice(1);
  const scope = SCOPES.find((words) => words.every((word, index) => segments[index] === word)) ?? [];
  return `/api/${segments.slice(0, scope.length + 1).join('/')}`;
}
