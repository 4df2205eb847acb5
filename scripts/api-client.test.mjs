// Both apps reach the server only through the client generated from /api/docs-json (scripts/generate-api-client.mjs):
// every API path is a literal argument of a typed call (`api.GET('/api/admin/tiers/{id}', …)`), which TypeScript
// checks against the generated `ApiPaths`, and nothing else sends a request. Run by `pnpm test` (api-client step).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { REPO } from './lib.mjs';

const APPS = ['admin/src', 'miniprogram/src'];
/** The two modules that own the HTTP plumbing (openapi-fetch and its fetch). */
const CLIENT_MODULES = ['admin/src/api/client.ts', 'miniprogram/src/services/request.ts'];
const TYPED_CALL = /\.(GET|POST|PUT|PATCH|DELETE)\(\s*$/;
/** A path named outside a call, checked by TypeScript all the same. */
const TYPED_PATH = /^\s*satisfies keyof ApiPaths\b/;
const RAW_REQUEST =
  /\bfetch\(|\bTaro\.request\(|\bXMLHttpRequest\b|\bhttp\.(get|post|put|patch|delete|upload|blob|download)\b/;

function sources(dir) {
  return readdirSync(join(REPO, dir), { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sources(path);
    return /\.(ts|tsx)$/.test(entry.name) ? [path] : [];
  });
}

/** Source text with comments blanked (same length, so offsets still give line numbers). */
function withoutComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\/|(^|[^:'"`])\/\/.*$/gm, (match) => match.replace(/[^\n]/g, ' '));
}

const lineOf = (text, offset) => text.slice(0, offset).split('\n').length;
const files = APPS.flatMap(sources);

test('every /api/ path in the apps is the path argument of a typed client call', () => {
  const offenders = [];
  for (const file of files) {
    const text = withoutComments(readFileSync(join(REPO, file), 'utf8'));
    for (const match of text.matchAll(/(['"`])\/api\/(?:[^'"`\n\\]|\\.)*?\1|['"`]\/api\//g)) {
      const before = text.slice(Math.max(0, match.index - 40), match.index);
      const after = text.slice(match.index + match[0].length, match.index + match[0].length + 30);
      if (!TYPED_CALL.test(before) && !TYPED_PATH.test(after)) {
        offenders.push(`${file}:${lineOf(text, match.index)}`);
      }
    }
  }
  assert.deepEqual(offenders, [], `API URL strings outside the typed client (use api.GET('/api/…') instead)`);
});

test('no app code sends a request around the typed client (fetch, Taro.request, a URL helper)', () => {
  const offenders = [];
  for (const file of files.filter((f) => !CLIENT_MODULES.includes(relative('.', f)))) {
    const lines = readFileSync(join(REPO, file), 'utf8').split('\n');
    lines.forEach((line, index) => {
      if (RAW_REQUEST.test(line) && !/not-the-api:/.test(lines[index - 1] ?? ''))
        offenders.push(`${file}:${index + 1}`);
    });
  }
  assert.deepEqual(
    offenders,
    [],
    'requests must go through the generated client (mark a non-API fetch with a "not-the-api:" comment)',
  );
});

test('the check sees the apps (guards against a moved folder making it pass vacuously)', () => {
  assert.ok(files.length > 50, `only ${files.length} files found under ${APPS.join(', ')}`);
  const typedCalls = files.reduce(
    (sum, file) =>
      sum + (readFileSync(join(REPO, file), 'utf8').match(/\.(GET|POST|PUT|PATCH|DELETE)\(\s*'\/api\//g) ?? []).length,
    0,
  );
  assert.ok(typedCalls > 100, `only ${typedCalls} typed calls found`);
});
