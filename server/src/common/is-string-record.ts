import { registerDecorator, ValidationOptions } from 'class-validator';

/** A plain JSON object whose values are all strings (template fields, say): `{ thing1: '…' }`. */
export function IsStringRecord(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStringRecord',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `${String(propertyName)} must be an object of text values`, ...options },
      validator: {
        validate: (value: unknown) =>
          value !== null &&
          typeof value === 'object' &&
          !Array.isArray(value) &&
          Object.values(value).every((item) => typeof item === 'string'),
      },
    });
}
