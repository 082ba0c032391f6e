import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readmeSnippets, snippetTypeErrors } from '../../../test-support/readme-snippets'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snippets = readmeSnippets(root, 'ts')

describe('the README', () => {
  it('has a TypeScript example for every composable', () => {
    for (const name of ['useEventStream(', 'useEventStreamListener(', 'useEventStreamStatus(']) {
      expect(snippets.some((code) => code.includes(name))).toBe(true)
    }
  })

  it('type-checks every TypeScript example against the sources', () => {
    const options = { verbatimModuleSyntax: true }
    expect(snippetTypeErrors(root, '@rivulet/vue', snippets, 'ts', options)).toEqual([])
  }, 60_000)
})
