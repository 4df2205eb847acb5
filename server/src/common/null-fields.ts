import { DECORATORS } from '@nestjs/swagger/dist/constants';

interface PropertyMetadata {
  nullable?: boolean;
  type?: unknown;
}

/** A DTO class as Swagger sees it, or undefined for scalars; `type: () => Dto` is resolved. */
function dtoClass(type: unknown): (new () => unknown) | undefined {
  let candidate = type;
  if (Array.isArray(candidate)) candidate = candidate[0];
  if (typeof candidate === 'function' && !candidate.prototype) candidate = (candidate as () => unknown)();
  if (Array.isArray(candidate)) candidate = candidate[0];
  if (typeof candidate !== 'function' || !candidate.prototype) return undefined;
  return Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, candidate.prototype)
    ? (candidate as new () => unknown)
    : undefined;
}

/**
 * Paths of fields sent as `null` that the DTO does not declare `nullable` (Swagger metadata is the contract):
 * `@IsOptional()` lets null through, and a null would otherwise reach a NOT NULL column as a 500.
 */
export function undeclaredNulls(value: unknown, type: unknown, path = ''): string[] {
  const dto = dtoClass(type);
  if (!dto || value === null || typeof value !== 'object') return [];
  if (Array.isArray(value)) return value.flatMap((item, i) => undeclaredNulls(item, dto, `${path}[${i}]`));
  const names: string[] = (Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES_ARRAY, dto.prototype) ?? []).map(
    (name: string) => name.replace(/^:/, ''),
  );
  return names.flatMap((name) => {
    if (!Object.prototype.hasOwnProperty.call(value, name)) return [];
    const field = (value as Record<string, unknown>)[name];
    const meta: PropertyMetadata = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, dto.prototype, name) ?? {};
    const fieldPath = path ? `${path}.${name}` : name;
    if (field === null) return meta.nullable ? [] : [fieldPath];
    return undeclaredNulls(field, meta.type, fieldPath);
  });
}
