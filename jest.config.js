/**
 * One jest run for the whole repository: unit tests beside the code
 * (`src/**\/__tests__`) and cross-service tests in tests/. `npm test` builds
 * first: integration tests start the built services as real processes.
 */
const workspaceEntry = {
  kit: 'subgraphs/kit/src/index.ts',
  data: 'data/src/index.ts',
  sdk: 'clients/sdk/src/index.ts',
  cli: 'clients/cli/src/index.ts',
  launcher: 'launcher/src/index.ts',
  codegen: 'codegen/src/index.ts',
  tests: 'tests/src/index.ts',
};

module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/subgraphs', '<rootDir>/gateway', '<rootDir>/launcher', '<rootDir>/codegen', '<rootDir>/tests'],
  testMatch: ['**/__tests__/**/*.test.ts', '<rootDir>/tests/**/*.test.ts'],
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.data/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...Object.fromEntries(Object.entries(workspaceEntry).map(([name, entry]) => [`^@wps/${name}$`, `<rootDir>/${entry}`])),
  },
  globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
  testTimeout: 90_000,
  maxWorkers: 2,
};
