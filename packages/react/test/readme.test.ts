import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { readmeSnippets, snippetTypeErrors } from '../../../test-support/readme-snippets'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snippets = readmeSnippets(root, 'tsx')

describe('the README', () => {
  it('has an example for every hook', () => {
    expect(snippets).toHaveLength(13)
    const hooks = [
      'useEventStream(',
      'useEventList(',
      'useEventReducer(',
      'useEventStreamListener(',
      'useEventStreamErrors(',
      'useEventStreamStatus(',
      'useCreateEventStream<',
    ]
    expect(hooks.filter((hook) => !snippets.some((code) => code.includes(hook)))).toEqual([])
  })

  it('shows the “Testing your components” examples exactly as they run here', () => {
    for (const file of ['readme-testing.test.tsx', 'readme-msw.test.tsx']) {
      expect(snippets).toContain(readFileSync(join(root, 'test', file), 'utf8'))
    }
  })

  it('type-checks every TSX example against the sources', () => {
    const options = { jsx: ts.JsxEmit.ReactJSX, noUnusedLocals: true }
    expect(snippetTypeErrors(root, '@rivulet/react', snippets, 'tsx', options)).toEqual([])
  }, 60_000)
})
