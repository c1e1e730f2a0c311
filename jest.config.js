/**
 * One jest run for the whole repository, in four projects (`npm test` runs
 * them all; `npx jest --selectProjects unit` one):
 * - unit: tests beside the code that need no database (the kit, the gateway,
 *   the tools, and subgraph files named `*.unit.test.ts`);
 * - subgraph: each subgraph served in-process on its own test database;
 * - integration: the built services as real processes (tests/integration);
 * - browser: the dashboard in Debian's Chromium against a real hub (tests/browser);
 * - deployment: generated files and the deployment layout (tests/deployment;
 *   the image and SDK-package checks serve real services on Postgres).
 * Every project but unit needs Postgres: their global setup
 * starts it, and Chromium when it is missing (jest runs a project's global
 * setup only when one of its tests is selected, and one setup file once), so
 * unit tests start none.
 * Workspaces and services come from data/workspaces.json.
 */
const { workspaces } = require('./data/workspaces.json');

const postgres = {
  globalSetup: '<rootDir>/tests/setup/global-setup.mjs',
  globalTeardown: '<rootDir>/tests/setup/global-teardown.mjs',
};
const withDatabase = workspaces.filter((workspace) => workspace.service?.subgraph).map((workspace) => workspace.path);
const withoutDatabase = workspaces.filter((workspace) => !workspace.service?.subgraph && workspace.path !== 'tests').map((workspace) => workspace.path);

const common = {
  testEnvironment: 'node',
  testTimeout: 90_000,
  modulePathIgnorePatterns: ['<rootDir>/.*/dist/', '<rootDir>/.data/'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }] },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    ...Object.fromEntries(workspaces.filter((workspace) => workspace.entry).map((workspace) => [`^${workspace.package}$`, `<rootDir>/${workspace.path}/${workspace.entry}`])),
  },
};
const besideTheCode = (paths, file = '*.test.ts') => paths.map((path) => `<rootDir>/${path}/src/**/__tests__/**/${file}`);

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: [...besideTheCode(withoutDatabase), ...besideTheCode(withDatabase, '*.unit.test.ts')] },
    { ...common, ...postgres, displayName: 'subgraph', testMatch: besideTheCode(withDatabase), testPathIgnorePatterns: ['\\.unit\\.test\\.ts$'] },
    { ...common, ...postgres, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { ...common, ...postgres, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.test.ts'] },
    { ...common, ...postgres, displayName: 'deployment', testMatch: ['<rootDir>/tests/deployment/**/*.test.ts'] },
  ],
  testTimeout: 90_000,
  maxWorkers: 2,
};
