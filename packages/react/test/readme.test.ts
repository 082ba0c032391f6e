import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { readmeSnippets, snippetTypeErrors } from '../../../test-support/readme-snippets'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const snippets = readmeSnippets(root, 'tsx')

describe('the README', () => {
  it('has an example for every hook', () => {
    expect(snippets).toHaveLength(5)
    for (const hook of [
      'useEventStream(',
      'useEventStreamStatus(',
      'useEventStreamListener(',
      'useCreateEventStream<',
    ]) {
      expect(snippets.some((code) => code.includes(hook))).toBe(true)
    }
  })

  it('type-checks every TSX example against the sources', () => {
    const options = { jsx: ts.JsxEmit.ReactJSX, noUnusedLocals: true }
    expect(snippetTypeErrors(root, '@rivulet/react', snippets, 'tsx', options)).toEqual([])
  }, 60_000)
})
