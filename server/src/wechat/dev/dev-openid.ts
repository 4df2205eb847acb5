import { createHash } from 'node:crypto';

/**
 * The openid the dev WeChat simulator gives the login code `dev:<name>`: stable per name, so seeds and tests
 * can name their customers.
 */
export function devOpenid(name: string): string {
  return `o_dev_${createHash('sha256').update(name).digest('base64url').slice(0, 22)}`;
}
