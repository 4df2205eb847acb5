import { readFileSync } from 'node:fs';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generateApiSchemas, OUTPUT } = require('../../scripts/generate-api-schemas.cjs') as {
  generateApiSchemas: () => string;
  OUTPUT: string;
};

describe('generated response schemas', () => {
  it('api-schemas.generated.json matches the types (regenerate: pnpm --filter @member-commerce/server openapi:schemas)', () => {
    expect(readFileSync(OUTPUT, 'utf8')).toBe(generateApiSchemas());
  }, 180_000);
});
