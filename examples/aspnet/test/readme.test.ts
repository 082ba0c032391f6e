// The README's TypeScript example, type-checked against the event types it documents.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readmeSnippets, snippetTypeErrors } from '../../../test-support/readme-snippets'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snippets = readmeSnippets(root, 'ts')

describe('the README', () => {
  it('has its TypeScript examples: the event types, and the resumable warning', () => {
    expect(snippets).toHaveLength(2)
  })

  it('type-checks them against stock-events.ts and @rivulet/core', () => {
    const paths = { '@rivulet/example-aspnet': ['stock-events.ts'] }
    expect(snippetTypeErrors(root, '@rivulet/example-aspnet', snippets, 'ts', { paths })).toEqual(
      [],
    )
  }, 60_000)
})
