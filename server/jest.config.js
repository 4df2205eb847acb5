/** Unit specs live beside the code (`*.spec.ts`); API specs that boot the app live in test/api. */
/** @type {import('jest').Config} */
module.exports = {
  rootDir: '.',
  testMatch: [
    '<rootDir>/src/**/*.spec.ts',
    '<rootDir>/test/**/*.api-spec.ts',
    '<rootDir>/test/**/*.reliability-spec.ts',
  ],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  testEnvironment: 'node',
  testTimeout: 30000,
};
