import { forbiddenKeyPath } from './forbidden-keys';

describe('forbiddenKeyPath', () => {
  it('finds a constructor or prototype key at any depth, inside arrays too', () => {
    expect(forbiddenKeyPath({ name: { constructor: 'x' } })).toBe('name.constructor');
    expect(forbiddenKeyPath({ items: [{ skuId: 1 }, { prototype: 1 }] })).toBe('items.1.prototype');
    expect(forbiddenKeyPath(JSON.parse('{"a":{"__proto__":{"admin":true}}}'))).toBe('a.__proto__');
  });

  it('accepts ordinary bodies, strings that mention the words and non-objects', () => {
    expect(forbiddenKeyPath({ name: 'constructor', fields: { thing1: 'prototype' } })).toBeUndefined();
    expect(forbiddenKeyPath(null)).toBeUndefined();
    expect(forbiddenKeyPath('constructor')).toBeUndefined();
  });
});
