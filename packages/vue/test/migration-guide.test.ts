import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
import { snippetTypeErrors } from '../../../test-support/readme-snippets'
import type { SnippetLanguage } from '../../../test-support/readme-snippets'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const docs = join(root, '..', '..', 'docs')

interface Side {
  readonly side: 'Before' | 'After'
  readonly language: SnippetLanguage
  readonly code: string
}

/** Each code block of a guide, with the side ("Before" or "After") the prose before it names. */
function sides(file: string): Side[] {
  const parts = readFileSync(join(docs, file), 'utf8').split(/^```(tsx?)\n([\s\S]*?)^```$/m)
  // split() with two groups: prose, language, code, prose, language, code, …, prose.
  const blocks: Side[] = []
  for (let i = 1; i < parts.length; i += 3) {
    const prose = parts[i - 1] ?? ''
    const side = /\b(Before|After)\b(?![\s\S]*\b(?:Before|After)\b)/.exec(prose)?.[1]
    blocks.push({
      side: side as Side['side'],
      language: parts[i] as SnippetLanguage,
      code: parts[i + 1] ?? '',
    })
  }
  return blocks
}

const options: ts.CompilerOptions = {
  verbatimModuleSyntax: true,
  noUnusedLocals: true,
  // Blocks without imports are scripts otherwise, and would share one global scope.
  moduleDetection: ts.ModuleDetectionKind.Force,
}

describe.each([['migrating-from-vueuse.md', /from '@vueuse\/core'/]])('%s', (file, before) => {
  const blocks = sides(file)

  it('pairs every “Before” with an “After” on Rivulet', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(8)
    expect(blocks.map((block) => block.side)).toEqual(
      blocks.map((_, i) => (i % 2 === 0 ? 'Before' : 'After')),
    )
    const rivulet = /from '@rivulet\//
    expect(blocks.filter((b) => b.side === 'Before' && rivulet.test(b.code))).toEqual([])
    expect(blocks.filter((b) => b.side === 'After' && !rivulet.test(b.code))).toEqual([])
    expect(blocks.some((b) => b.side === 'Before' && before.test(b.code))).toBe(true)
  })

  it('type-checks both sides of every block', () => {
    expect(blocks.map((block) => block.language)).toEqual(blocks.map(() => 'ts'))
    const code = blocks.map((block) => block.code)
    expect(snippetTypeErrors(root, '@rivulet/vue', code, 'ts', options)).toEqual([])
  }, 60_000)
})
