import type { OpenAPIObject } from '@nestjs/swagger';
import { buildOpenApiDocumentOffline } from './dump';
import { declaredRoutes } from './route-inventory';

/** Operations allowed without a documented 2xx body, each with its reason. None today. */
const NO_BODY_EXEMPT: Record<string, string> = {};

type Operation = {
  operationId?: string;
  summary?: string;
  responses: Record<string, { content?: Record<string, { schema?: object }> }>;
};

/** A 2xx response with a schema for every content type, or a 204 (no body by definition). */
function documentsSuccessBody(operation: Operation): boolean {
  return Object.entries(operation.responses).some(
    ([status, response]) =>
      status === '204' ||
      (/^2\d\d$/.test(status) &&
        response.content !== undefined &&
        Object.values(response.content).every(
          (media) => media.schema !== undefined && Object.keys(media.schema).length,
        )),
  );
}

describe('the API contract in /api/docs-json', () => {
  let document: OpenAPIObject;
  let operations: { key: string; operation: Operation }[];

  beforeAll(async () => {
    document = await buildOpenApiDocumentOffline();
    operations = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.entries(methods as Record<string, Operation>).map(([method, operation]) => ({
        key: `${method.toUpperCase()} ${path}`,
        operation,
      })),
    );
  }, 120_000);

  it('every operation has a summary and a stable camelCase operationId, unique', () => {
    const withoutSummary = operations.filter(({ operation }) => !operation.summary?.trim()).map(({ key }) => key);
    // Nest's fallback id is `<Controller>_<handler>`: a rename of either would change it.
    const badIds = operations
      .filter(({ operation }) => !/^[a-z][a-zA-Z0-9]*$/.test(operation.operationId ?? ''))
      .map(({ key, operation }) => `${key}: ${operation.operationId}`);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(withoutSummary).toEqual([]);
    expect(badIds).toEqual([]);
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('every operation documents its 2xx response body (or 204)', () => {
    const documented = operations.filter(({ operation }) => documentsSuccessBody(operation));
    const missing = operations
      .filter(({ key, operation }) => !documentsSuccessBody(operation) && !(key in NO_BODY_EXEMPT))
      .map(({ key }) => key);
    process.stdout.write(
      `API contract: ${documented.length} of ${operations.length} operations document a 2xx body ` +
        `(${((100 * documented.length) / operations.length).toFixed(1)} %)\n`,
    );
    expect(missing).toEqual([]);
  });

  it('every schema reference resolves to a component schema', () => {
    const schemas = document.components?.schemas ?? {};
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map(([, name]) =>
      decodeURIComponent(name),
    );
    expect([...new Set(refs.filter((name) => !(name in schemas)))]).toEqual([]);
  });

  it('response schemas carry the shared type names the apps import', () => {
    const response = (key: string) => operations.find((operation) => operation.key === key)?.operation.responses;
    expect(response('GET /api/admin/tiers')?.['200'].content?.['application/json'].schema).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/AdminTierView' },
    });
    expect(response('GET /api/me/membership')?.['200'].content?.['application/json'].schema).toEqual({
      $ref: '#/components/schemas/MyMembershipView',
    });
  });

  it('the document lists exactly the routes the controller files declare', () => {
    const declared = declaredRoutes()
      .filter((route) => !route.excluded)
      .map((route) => `${route.method.toUpperCase()} ${route.path}`);
    expect(operations.map(({ key }) => key).sort()).toEqual([...new Set(declared)].sort());
  });
});
