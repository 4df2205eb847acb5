/** Deeper bodies are refused before validation: class-transformer recurses per level and would overflow the stack. */
export const MAX_JSON_DEPTH = 32;

/** True when `value` nests objects/arrays deeper than `max`. Iterative, so the check itself cannot overflow. */
export function exceedsJsonDepth(value: unknown, max = MAX_JSON_DEPTH): boolean {
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth >= max) return true;
    for (const child of Object.values(current))
      if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}
