import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { readmeSnippets, snippetTypeErrors } from '../../../test-support/readme-snippets'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snippets = readmeSnippets(root, 'ts')

describe('the README', () => {
  it('has a TypeScript example for every composable', () => {
    expect(snippets).toHaveLength(15)
    const composables = [
      'useEventStream(',
      'useEventList(',
      'useEventReducer(',
      'useEventStreamListener(',
      'useEventStreamErrors(',
      'useEventStreamStatus(',
      'useCreateEventStream<',
    ]
    expect(composables.filter((name) => !snippets.some((code) => code.includes(name)))).toEqual([])
  })

  it('shows the “Testing your components” examples exactly as they run here', () => {
    for (const file of ['readme-testing.test.ts', 'readme-msw.test.ts']) {
      expect(snippets).toContain(readFileSync(join(root, 'test', file), 'utf8'))
    }
  })

  it('type-checks every TypeScript example against the sources', () => {
    const options = { verbatimModuleSyntax: true, noUnusedLocals: true }
    expect(snippetTypeErrors(root, '@rivulet/vue', snippets, 'ts', options)).toEqual([])
  }, 60_000)
})
