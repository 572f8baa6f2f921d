// @ts-check
// ts-jest only transpiles here: `npm run test:types` type-checks the whole tree once.
const transform = {
  '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
  // msw 2 depends on ESM-only packages; they are compiled to CommonJS like our own code.
  '^.+\\.m?js$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
}

const transformIgnorePatterns = ['/node_modules/(?!(rettime|until-async)/)(?!.*\\.mjs$)']

const moduleNameMapper = {
  '^@/(.*)$': '<rootDir>/src/$1',
  '^@sim/(.*)$': '<rootDir>/sim/$1',
  '\\.css$': '<rootDir>/tests/support/styleStub.js',
}

const shared = { transform, transformIgnorePatterns, moduleNameMapper, restoreMocks: true }

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    {
      ...shared,
      displayName: 'node',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/tests/e2e/'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/setup.node.ts'],
    },
    {
      ...shared,
      displayName: 'dom',
      testEnvironment: 'jest-fixed-jsdom',
      testMatch: ['<rootDir>/tests/**/*.test.tsx'],
      testPathIgnorePatterns: ['<rootDir>/tests/e2e/'],
      setupFilesAfterEnv: ['<rootDir>/tests/support/setup.dom.ts'],
    },
  ],
}
