// Runs only when the .NET 10 SDK is missing (see vitest.config.ts): the server tests cannot run,
// and the report says so, once, with how to get it.
import { describe, expect, it } from 'vitest'
import { dotnetStatus } from './dotnet'

describe.skip(`ASP.NET Core stock server tests (skipped: ${process.env.DOTNET_MISSING})`, () => {
  it('builds and runs the server with dotnet', () => {
    expect(dotnetStatus()).toEqual({ available: true })
  })
})
