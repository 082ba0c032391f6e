// Runs only when the .NET 10 SDK is missing (see vitest.config.ts): the server tests cannot run,
// so the suite fails here, once, with the reason and how to get the SDK.
// `RIVULET_WITHOUT_DOTNET=1` leaves the server tests out instead (and this file with them).
import { describe, expect, it } from 'vitest'
import { dotnetStatus } from './dotnet'

describe('the ASP.NET Core stock server tests', () => {
  it('have the .NET 10 SDK to build and run the server with (RIVULET_WITHOUT_DOTNET=1 leaves them out)', () => {
    expect(dotnetStatus()).toEqual({ available: true })
  })
})
