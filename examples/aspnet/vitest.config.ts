import { defineProject } from 'vitest/config'
import { dotnetStatus } from './test/dotnet.ts'

// Without the SDK, the server tests are one skipped group that says why (test/no-dotnet.test.ts);
// the type tests and the README check still run.
const dotnet = dotnetStatus()

export default defineProject({
  test: {
    name: 'example-aspnet',
    environment: 'node',
    include: dotnet.available
      ? ['test/**/*.test.ts']
      : ['test/no-dotnet.test.ts', 'test/readme.test.ts'],
    exclude: dotnet.available ? ['test/no-dotnet.test.ts'] : [],
    globalSetup: dotnet.available ? ['test/global-setup.ts'] : [],
    env: dotnet.available ? {} : { DOTNET_MISSING: dotnet.reason },
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // Each file runs dotnet servers, some Chromium too: one file at a time on a shared machine,
    // with generous limits. No test asserts how long anything takes.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
