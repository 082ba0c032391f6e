import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readmeSnippets, snippetTypeErrors } from '../../../test-support/readme-snippets'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snippets = readmeSnippets(root, 'ts')

describe('the README', () => {
  it('has examples', () => {
    expect(snippets.length).toBeGreaterThanOrEqual(6)
  })

  it('type-checks every TypeScript example against the sources', () => {
    expect(snippetTypeErrors(root, '@rivulet/core', snippets, 'ts')).toEqual([])
  }, 60_000)
})
