import { defineProject } from 'vitest/config'
import { dotnetStatus } from './test/dotnet.ts'

// Without the SDK the server tests cannot run: test/no-dotnet.test.ts fails in their place, with
// the reason, unless RIVULET_WITHOUT_DOTNET=1 asks to leave them out. The type tests and the
// README check run either way.
const dotnet = dotnetStatus()
const leftOut = !dotnet.available && process.env.RIVULET_WITHOUT_DOTNET === '1'
if (leftOut) console.warn(`example-aspnet: server tests left out (${dotnet.reason})`)

export default defineProject({
  test: {
    name: 'example-aspnet',
    environment: 'node',
    include: dotnet.available
      ? ['test/**/*.test.ts']
      : leftOut
        ? ['test/readme.test.ts']
        : ['test/no-dotnet.test.ts', 'test/readme.test.ts'],
    exclude: dotnet.available ? ['test/no-dotnet.test.ts'] : [],
    globalSetup: dotnet.available ? ['test/global-setup.ts'] : [],
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
    // Each file runs dotnet servers, some Chromium too: one file at a time on a shared machine,
    // with generous limits. No test asserts how long anything takes.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
