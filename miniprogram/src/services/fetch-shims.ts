// weapp has no fetch API. openapi-fetch (services/request.ts) builds its headers with `new Headers()` and asks
// `body instanceof FormData`; config/index.ts provides these two names to the weapp build only (H5 has them).

/** The part of the Headers API openapi-fetch and request.ts use; names are case-insensitive. */
export class Headers {
  private readonly values = new Map<string, string>();
  constructor(init?: Record<string, string>) {
    Object.entries(init ?? {}).forEach(([name, value]) => this.set(name, value));
  }
  get(name: string): string | null {
    return this.values.get(name.toLowerCase()) ?? null;
  }
  has(name: string): boolean {
    return this.values.has(name.toLowerCase());
  }
  set(name: string, value: string): void {
    this.values.set(name.toLowerCase(), String(value));
  }
  append(name: string, value: string): void {
    const prior = this.get(name);
    this.set(name, prior === null ? value : `${prior}, ${value}`);
  }
  delete(name: string): void {
    this.values.delete(name.toLowerCase());
  }
  entries(): IterableIterator<[string, string]> {
    return this.values.entries();
  }
  forEach(callback: (value: string, name: string) => void): void {
    this.values.forEach((value, name) => callback(value, name));
  }
}

/** Nothing in weapp is a FormData (uploads send raw bytes); openapi-fetch only tests `instanceof`. */
export class FormData {}
