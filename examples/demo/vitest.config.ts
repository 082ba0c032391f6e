import { configDefaults, defineProject } from 'vitest/config'
import { hasAspNetCore10 } from './test/dotnet'

// Without the .NET 10 SDK the `--server aspnet` test fails and says why, unless
// RIVULET_WITHOUT_DOTNET=1 asks to leave it out (as in examples/aspnet).
const withoutDotnet = process.env.RIVULET_WITHOUT_DOTNET === '1' && !hasAspNetCore10()

export default defineProject({
  test: {
    name: 'example-demo',
    environment: 'node',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: [
      ...configDefaults.exclude,
      ...(withoutDotnet ? ['test/npm-start-aspnet.test.ts'] : []),
    ],
    globalSetup: ['test/global-setup.ts'],
    // The runner starts real servers, Vite and Chromium: one file at a time on a shared machine.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
})
