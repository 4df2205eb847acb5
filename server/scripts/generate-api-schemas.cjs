/**
 * Generates `src/openapi/api-schemas.generated.json`: the OpenAPI component schemas of every response shape, read
 * from the TypeScript types in `src/openapi/response-types.ts` (shared/ and a few server-only ones), so each shape
 * is written once, as a type. `node scripts/generate-api-schemas.cjs` writes it; `--check` fails when it is stale.
 */
const { readFileSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const { createGenerator } = require('ts-json-schema-generator');
const ts = require('typescript');

const SERVER = join(__dirname, '..');
const ENTRY = join(SERVER, 'src', 'openapi', 'response-types.ts');
const OUTPUT = join(SERVER, 'src', 'openapi', 'api-schemas.generated.json');

/** The type names `response-types.ts` exports (its own and shared/'s), functions and values left out. */
function exportedTypeNames(program) {
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(ENTRY));
  const typeFlags = ts.SymbolFlags.Interface | ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Enum;
  return (
    checker
      .getExportsOfModule(module)
      .map((symbol) => (symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol))
      // A generic (`Page<T>`) has no schema of its own: each use is named (`OrderViewPage`).
      .filter((symbol) => symbol.flags & typeFlags && !symbol.declarations?.some((d) => d.typeParameters?.length))
      .map((symbol) => symbol.getName())
      .sort()
  );
}

/** JSON Schema (draft 7) → OpenAPI 3.0 schema: `type: [x, 'null']` → nullable, `const` → a one-value enum. */
function toOpenApi(schema) {
  if (Array.isArray(schema)) return schema.map(toOpenApi);
  if (schema === null || typeof schema !== 'object') return schema;
  const out = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === '$ref') out.$ref = value.replace('#/definitions/', '#/components/schemas/');
    else if (key === 'const') out.enum = [value];
    else if (key === 'properties' || key === 'definitions')
      out[key] = Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, toOpenApi(inner)]));
    else out[key] = toOpenApi(value);
  }
  if (Array.isArray(out.type)) {
    const types = out.type.filter((type) => type !== 'null');
    if (types.length < out.type.length) out.nullable = true;
    if (types.length === 1) out.type = types[0];
    else {
      delete out.type;
      out.oneOf = types.map((type) => ({ type }));
    }
  }
  // A union of literals ('PAID' | 'SHIPPED' | …) is one enum.
  const literals = out.anyOf?.every((member) => member.enum?.length === 1 && Object.keys(member).length === 2);
  if (literals && new Set(out.anyOf.map((member) => member.type)).size === 1) {
    const { anyOf, ...rest } = out;
    return { ...rest, type: anyOf[0].type, enum: anyOf.map((member) => member.enum[0]) };
  }
  for (const union of ['anyOf', 'oneOf']) {
    if (!Array.isArray(out[union])) continue;
    const nonNull = out[union].filter((member) => member.type !== 'null');
    if (nonNull.length === out[union].length) continue;
    out.nullable = true;
    if (nonNull.length === 1 && Object.keys(out).length === 2) {
      delete out[union];
      // A $ref may not carry siblings in OpenAPI 3.0: wrap it.
      Object.assign(out, nonNull[0].$ref ? { allOf: [nonNull[0]] } : nonNull[0]);
    } else out[union] = nonNull;
  }
  return out;
}

function generateApiSchemas() {
  const config = {
    path: ENTRY,
    tsconfig: join(SERVER, 'tsconfig.schemas.json'),
    type: '*',
    expose: 'export',
    topRef: true,
    jsDoc: 'extended',
    functions: 'hide',
    skipTypeCheck: true,
    additionalProperties: true,
    sortProps: true,
  };
  const generator = createGenerator(config);
  const definitions = {};
  for (const name of exportedTypeNames(generator.program)) {
    Object.assign(definitions, generator.createSchema(name).definitions);
  }
  return render(nameInstances(definitions));
}

/** `OrderViewPage = Page<OrderView>`: the schema takes the alias's name instead of `Page<OrderView>`. */
function nameInstances(definitions) {
  const renames = new Map();
  for (const [name, schema] of Object.entries(definitions)) {
    const target = decodeURIComponent(schema.$ref?.replace('#/definitions/', '') ?? '');
    if (target.includes('<') && Object.keys(schema).length === 1) renames.set(target, name);
  }
  const text = JSON.stringify(definitions).replace(/"#\/definitions\/([^"]+)"/g, (ref, encoded) => {
    const target = renames.get(decodeURIComponent(encoded));
    return target ? `"#/definitions/${target}"` : ref;
  });
  const renamed = JSON.parse(text);
  for (const [instance, alias] of renames) {
    renamed[alias] = renamed[instance];
    delete renamed[instance];
  }
  return renamed;
}

function render(definitions) {
  const schemas = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((name) => [name, toOpenApi(definitions[name])]),
  );
  return `${JSON.stringify({ schemas }, null, 2)}\n`;
}

module.exports = { generateApiSchemas, OUTPUT };

if (require.main === module) {
  const text = generateApiSchemas();
  if (process.argv.includes('--check')) {
    if (readFileSync(OUTPUT, 'utf8') !== text) {
      process.stderr.write(`${OUTPUT} is stale: run node scripts/generate-api-schemas.cjs\n`);
      process.exit(1);
    }
  } else writeFileSync(OUTPUT, text);
}
