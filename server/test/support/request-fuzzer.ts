/**
 * Generates malformed requests from the app's own OpenAPI document: for every route, bad path ids, bad
 * query values and bodies with wrong types, out-of-range numbers, nulls, huge strings, deep nesting and
 * oversized payloads. Deterministic for a given seed.
 */

interface Schema {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  enum?: unknown[];
  allOf?: Schema[];
  example?: unknown;
  minimum?: number;
  minLength?: number;
  format?: string;
}

interface Operation {
  parameters?: { name: string; in: 'path' | 'query' | 'header'; schema?: Schema }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}

export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

export interface FuzzRequest {
  method: string;
  /** Path with query string, ready to send. */
  url: string;
  /** Raw body text (already JSON, or deliberately not), or undefined for none. */
  body?: string;
  /** Which route template it came from, for reports. */
  route: string;
}

/** Small, fast, seedable PRNG (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BAD_IDS = [
  '-1',
  '0',
  '1e20',
  '99999999999999999999',
  '1.5',
  'abc',
  '%00',
  'null',
  '%20',
  '1%3B%20DROP%20TABLE%20staff_user',
  '0x10',
  'NaN',
  'Infinity',
  '%2e%2e',
];
const BAD_SCALARS = [
  '1e20',
  '-1',
  '0',
  'abc',
  '',
  'null',
  '%00',
  'true',
  '[]',
  '{}',
  '-9007199254740993',
  '1.5',
  'x'.repeat(5000),
  'NaN',
];
const deep = (depth: number): string => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
const deepArray = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth);

export class RequestFuzzer {
  private readonly random: () => number;

  constructor(
    private readonly doc: OpenApiDocument,
    seed: number,
  ) {
    this.random = seededRandom(seed);
  }

  /** Every operation in the document, as [method, path template]. */
  operations(): { method: string; path: string; op: Operation }[] {
    return Object.entries(this.doc.paths).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, op]) => ({ method, path, op })),
    );
  }

  /** `perRoute` malformed requests for every operation. */
  generate(perRoute: number): FuzzRequest[] {
    return this.operations().flatMap(({ method, path, op }) =>
      Array.from({ length: perRoute }, (_, i) => this.one(method, path, op, i)),
    );
  }

  /** One request that breaks exactly one thing (path, a query value or the body) and keeps the rest plausible. */
  private one(method: string, template: string, op: Operation, i: number): FuzzRequest {
    const params = op.parameters ?? [];
    const hasBody = ['post', 'put', 'patch'].includes(method);
    const queryNames = [
      ...new Set([
        ...params.filter((p) => p.in === 'query').map((p) => p.name),
        ...(method === 'get' ? ['page', 'pageSize'] : []),
      ]),
    ];
    const targets = [
      ...(template.includes('{') ? ['path'] : []),
      ...(queryNames.length ? ['query'] : []),
      ...(hasBody ? ['body', 'body'] : []),
    ];
    const target = targets.length ? targets[i % targets.length] : 'none';

    const path = template.replace(/\{([^}]+)\}/g, () =>
      target === 'path' ? this.pick(BAD_IDS) : String(1 + Math.floor(this.random() * 3)),
    );
    const query = new URLSearchParams();
    const broken = target === 'query' ? this.pick(queryNames) : undefined;
    for (const name of queryNames) {
      if (name === broken) {
        query.append(name, this.pick(BAD_SCALARS));
        if (this.random() < 0.15) query.append(name, this.pick(BAD_SCALARS)); // the same name twice → an array
      } else if (name === 'page' || name === 'pageSize') {
        query.append(name, name === 'page' ? '1' : '20');
      }
    }
    const url = `/api${path.replace(/^\/api/, '')}${query.size ? `?${query}` : ''}`;
    const schema = op.requestBody?.content?.['application/json']?.schema;
    const body = !hasBody
      ? undefined
      : target === 'body'
        ? this.badBody(schema, method, i)
        : JSON.stringify(this.sample(schema));
    return { method: method.toUpperCase(), url, body, route: `${method.toUpperCase()} ${template}` };
  }

  private badBody(schema: Schema | undefined, method: string, i: number): string | undefined {
    switch (Math.floor(i / 2) % 10) {
      case 0:
        return this.pick([undefined, '{}']);
      case 1:
        return this.pick([deep(5000), deepArray(5000), JSON.stringify({ name: JSON.parse(deep(200)) })]);
      case 2:
        return JSON.stringify({ ...this.sample(schema), pad: 'x'.repeat(1024 * 1024 + 10) });
      case 3:
        return this.pick(['null', '[]', '"text"', '42', 'true', '{"a":', '\u0000', '{"__proto__":{"admin":true}}']);
      default: {
        // PATCH fields are optional: a body of just the broken field reaches the service.
        const sample = this.sample(schema);
        const key = this.pick(Object.keys(sample).length ? Object.keys(sample) : ['name']);
        const base = method === 'patch' && this.random() < 0.5 ? {} : sample;
        return JSON.stringify({ ...base, [key]: this.breakValue(sample[key]) });
      }
    }
  }

  /** A wrong version of a field: null, another type, out of range, huge, or (inside objects/arrays) one level down. */
  private breakValue(value: unknown): unknown {
    if (value && typeof value === 'object' && !Array.isArray(value) && this.random() < 0.4) {
      const inner = value as Record<string, unknown>;
      const keys = Object.keys(inner);
      if (keys.length) {
        const key = this.pick(keys);
        return { ...inner, [key]: this.breakValue(inner[key]) };
      }
    }
    if (Array.isArray(value) && value.length && this.random() < 0.4) {
      return this.random() < 0.2 ? Array(2000).fill(value[0]) : [this.breakValue(value[0]), ...value.slice(1)];
    }
    return this.badValue();
  }

  /**
   * For every field of every JSON body (nested object fields too), the plausible body with that one field
   * replaced by `replacement`: e.g. an object with a `constructor` key, which class-transformer would call.
   */
  everyField(replacement: unknown): FuzzRequest[] {
    return this.operations()
      .filter(
        ({ method, op }) => ['post', 'put', 'patch'].includes(method) && op.requestBody?.content?.['application/json'],
      )
      .flatMap(({ method, path, op }) => {
        const sample = this.sampleBody(op);
        const url = `/api${path.replace(/^\/api/, '').replace(/\{[^}]+\}/g, '1')}`;
        return fieldPaths(sample).map((fieldPath) => ({
          method: method.toUpperCase(),
          url,
          body: JSON.stringify(replaceAt(sample, fieldPath, replacement)),
          route: `${method.toUpperCase()} ${path} ${fieldPath.join('.')}`,
        }));
      });
  }

  /** A plausible body for an operation (empty when it takes none). */
  sampleBody(op: Operation): Record<string, unknown> {
    return this.sample(op.requestBody?.content?.['application/json']?.schema);
  }

  /** A body that looks right, so mutations of one field reach deep into the service. */
  private sample(schema: Schema | undefined, depth = 0): Record<string, unknown> {
    const resolved = this.resolve(schema);
    const out: Record<string, unknown> = {};
    for (const [name, property] of Object.entries(resolved?.properties ?? {}))
      out[name] = this.plausible(property, depth);
    return out;
  }

  private plausible(schema: Schema, depth: number): unknown {
    const resolved = this.resolve(schema);
    if (resolved?.example !== undefined) return resolved.example;
    if (resolved?.enum?.length) return this.pick(resolved.enum);
    switch (resolved?.type) {
      case 'integer':
      case 'number':
        return Math.max(resolved.minimum ?? 1, 1) + Math.floor(this.random() * 3);
      case 'boolean':
        return true;
      case 'array':
        return depth > 3 ? [] : [this.plausible(resolved.items ?? {}, depth + 1)];
      case 'object':
        return depth > 3 ? {} : this.sample(resolved, depth + 1);
      case 'string':
        if (resolved.format === 'date-time')
          return new Date(Date.UTC(2026, 0, 1 + Math.floor(this.random() * 365))).toISOString();
        return 'fuzz'.padEnd(resolved.minLength ?? 4, 'z');
      default:
        return resolved?.properties ? (depth > 3 ? {} : this.sample(resolved, depth + 1)) : 'fuzz';
    }
  }

  private badValue(): unknown {
    return this.pick<unknown>([
      null,
      -1,
      0,
      1e20,
      -1e20,
      1.5,
      Number.MAX_SAFE_INTEGER + 2,
      '',
      'x'.repeat(100_000),
      '1e20',
      '<script>alert(1)</script>',
      "' OR 1=1 --",
      '\u0000',
      true,
      [],
      [null],
      {},
      { nested: { deeper: [1, 'a', null] } },
      Array.from({ length: 5000 }, (_, i) => i),
      '2026-13-45T99:99:99Z',
      '9999-12-31T23:59:59.999Z',
    ]);
  }

  private resolve(schema: Schema | undefined): Schema | undefined {
    if (!schema) return undefined;
    if (schema.$ref) return this.resolve(this.doc.components?.schemas?.[schema.$ref.split('/').pop()!]);
    if (schema.allOf?.length) return this.resolve(schema.allOf[0]);
    return schema;
  }

  private pick<T>(list: readonly T[]): T {
    return list[Math.floor(this.random() * list.length)];
  }
}

/** Paths of every field in a sample body, objects and arrays included (array items as index 0). */
function fieldPaths(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.length ? fieldPaths(value[0], [...prefix, 0]) : [];
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => [[...prefix, key], ...fieldPaths(child, [...prefix, key])]);
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value)) return value.map((item, i) => (i === head ? replaceAt(item, rest, replacement) : item));
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, replacement) };
}
