/**
 * Keys no DTO declares and class-transformer treats as code: an object field with a `constructor` key is
 * called as a class while the body is transformed (a TypeError, so a 500). `__proto__` is refused by Fastify's
 * JSON parser already; it is listed so the rule reads whole.
 */
const FORBIDDEN_KEYS = new Set(['constructor', 'prototype', '__proto__']);

/** The path of the first forbidden key anywhere in a parsed JSON body, or undefined. Iterative, depth-safe. */
export function forbiddenKeyPath(value: unknown): string | undefined {
  const stack: [unknown, string][] = [[value, '']];
  while (stack.length > 0) {
    const [current, path] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    for (const key of Object.keys(current)) {
      const childPath = path ? `${path}.${key}` : key;
      if (FORBIDDEN_KEYS.has(key)) return childPath;
      const child = (current as Record<string, unknown>)[key];
      if (child !== null && typeof child === 'object') stack.push([child, childPath]);
    }
  }
  return undefined;
}
