import { FuzzRequest, OpenApiDocument, RequestFuzzer } from '../support/request-fuzzer';
import { startTestApp, TestApp } from '../support/test-app';

const SEED = 20261123;
const PER_ROUTE = 32;
const CONCURRENCY = 4;
/** What a body must never show a client: stack frames, source paths, SQL or driver errors. */
const LEAKS = [
  /\bat \S+ \(/,
  /\.ts:\d+/,
  /node_modules/,
  /\/server\/(src|dist)\//,
  /\b(SELECT|INSERT INTO|UPDATE \S+ SET|DELETE FROM)\b/,
  /\bSQLITE_[A-Z]+|\bER_[A-Z_]+\b|QueryFailedError|EntityNotFound|TypeORM/,
];

interface Finding {
  route: string;
  request: string;
  status: number;
  body: string;
}

describe('malformed requests on every documented route never cause a 5xx or leak internals', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  let auth: Record<'admin' | 'customer' | 'anonymous', Record<string, string>>;
  beforeAll(async () => {
    // Rate limits high enough that the fuzz reaches the handlers; throttling has its own spec.
    t = await startTestApp({
      seed: true,
      env: {
        RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000',
        RATE_LIMIT_LOGIN_PER_IP: '100000',
        RATE_LIMIT_SENSITIVE_PER_ACCOUNT: '100000',
        RATE_LIMIT_SENSITIVE_PER_IP: '100000',
      },
    });
    doc = (await t.http.get('/api/docs-json').expect(200)).body as OpenApiDocument;
    auth = { admin: await t.staff('admin'), customer: await t.customer('fuzz-customer'), anonymous: {} };
  });
  afterAll(() => t.close());

  it(`${PER_ROUTE} generated requests per route and caller (seed ${SEED}) answer 4xx or 2xx, in the error shape`, async () => {
    const fuzzer = new RequestFuzzer(doc, SEED);
    const requests = fuzzer.generate(PER_ROUTE);
    const callers = ['admin', 'customer', 'anonymous'] as const;
    const findings: Finding[] = [];
    const started = Date.now();
    let sent = 0;
    const send = async (request: FuzzRequest, index: number) => {
      const caller = callers[index % 5 < 2 ? 0 : index % 5 < 4 ? 1 : 2];
      const headers: Record<string, string> = { ...auth[caller] };
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      let status: number;
      let text: string;
      try {
        const res = await fetch(`${t.config.publicUrl}${request.url}`, {
          method: request.method,
          headers,
          body: request.body,
        });
        status = res.status;
        text = await res.text();
      } catch (error) {
        // The server may cut an oversized upload short; that is a refusal, not a failure.
        if (request.body && request.body.length > 1024 * 1024) return;
        throw error;
      }
      sent++;
      const leak = LEAKS.find((pattern) => pattern.test(text));
      const shapeless = status >= 400 && !/"code":"[A-Z_]+"/.test(text);
      if (status >= 500 || leak || shapeless) {
        findings.push({
          route: request.route,
          request: `${caller} ${request.method} ${request.url.slice(0, 120)} ${(request.body ?? '').slice(0, 160)}`,
          status,
          body: text.slice(0, 300),
        });
      }
    };
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const index = next++;
          await send(requests[index], index);
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    process.stdout.write(
      `fuzz: ${sent} requests over ${fuzzer.operations().length} routes in ${seconds.toFixed(1)} s, ${findings.length} findings\n`,
    );
    expect(fuzzer.operations().length).toBeGreaterThan(50);
    expect(sent).toBeGreaterThanOrEqual(2000);
    // One example per route and status, so a report names every distinct problem.
    const distinct = [...new Map(findings.map((finding) => [`${finding.route} ${finding.status}`, finding])).values()];
    expect(distinct).toEqual([]);
  }, 120_000);

  it('the reported cases, on every route they apply to: ?page=1e20, a null field on PATCH, an empty PATCH, 5000-deep JSON', async () => {
    const fuzzer = new RequestFuzzer(doc, SEED);
    const cases: { method: string; url: string; body?: string; expected: number[] }[] = [];
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const { method, path, op } of fuzzer.operations()) {
      const url = `${path.replace(/\{[^}]+\}/g, '1')}`;
      if (method === 'get' && op.parameters?.some((p) => p.name === 'page'))
        cases.push({ method: 'GET', url: `${url}?page=1e20`, expected: [400] });
      if (method === 'patch') {
        const field = Object.keys(fuzzer.sampleBody(op))[0] ?? 'name';
        cases.push({ method: 'PATCH', url, body: JSON.stringify({ [field]: null }), expected: [400, 404] });
        cases.push({ method: 'PATCH', url, body: '{}', expected: [200, 400, 404] });
        cases.push({ method: 'PATCH', url, expected: [400, 404] });
      }
      if (method !== 'get' && method !== 'delete')
        cases.push({ method: method.toUpperCase(), url, body: deep, expected: [400, 401, 403, 404] });
    }
    expect(cases.length).toBeGreaterThan(40);
    const wrong: string[] = [];
    for (const c of cases) {
      const headers: Record<string, string> = {
        ...(c.url.startsWith('/api/admin') ? auth.admin : auth.customer),
        ...(c.body ? { 'content-type': 'application/json' } : {}),
      };
      const res = await fetch(`${t.config.publicUrl}${c.url}`, { method: c.method, headers, body: c.body });
      if (!c.expected.includes(res.status))
        wrong.push(
          `${c.method} ${c.url} ${(c.body ?? '').slice(0, 40)} → ${res.status} ${(await res.text()).slice(0, 120)}`,
        );
    }
    expect(wrong).toEqual([]);
  });

  it('every body field given as an object with a constructor key, or as a non-string in a string map, answers 4xx with a code', async () => {
    const fuzzer = new RequestFuzzer(doc, SEED);
    const replacements: unknown[] = [
      { constructor: 'x' },
      { constructor: { prototype: 1 } },
      { constructor: 1, a: 'b' },
      { nested: 1, deeper: { x: true } },
    ];
    const requests = replacements.flatMap((replacement) => fuzzer.everyField(replacement));
    expect(requests.length).toBeGreaterThan(300);
    const wrong = new Map<string, string>();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < requests.length) {
          const request = requests[next++];
          const headers = {
            ...(request.url.startsWith('/api/admin') ? auth.admin : auth.customer),
            'content-type': 'application/json',
          };
          const res = await fetch(`${t.config.publicUrl}${request.url}`, {
            method: request.method,
            headers,
            body: request.body,
          });
          const text = await res.text();
          if (res.status >= 500 || (res.status >= 400 && !/"code":"[A-Z_]+"/.test(text)))
            wrong.set(request.route, `${request.body?.slice(0, 120)} → ${res.status} ${text.slice(0, 160)}`);
        }
      }),
    );
    expect([...wrong.entries()]).toEqual([]);
  }, 120_000);

  it('the server still answers normally after the fuzz', async () => {
    await t.http.get('/api/health').expect(200);
    await t.http.get('/api/admin/me').set(auth.admin).expect(200);
  });
});
