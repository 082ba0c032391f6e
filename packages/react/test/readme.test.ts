import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const readme = readFileSync(join(root, 'README.md'), 'utf8')
const snippets = [...readme.matchAll(/```tsx\n([\s\S]*?)```/g)].map((match) => match[1] ?? '')

/**
 * Type-checks every `tsx` block of the README against the sources (as `@rivulet/react`), each as
 * its own module, so the documented examples cannot drift from the API.
 */
function typeErrors(): string[] {
  const files = new Map(snippets.map((code, i) => [join(root, 'test', `readme-${i}.tsx`), code]))
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    jsx: ts.JsxEmit.ReactJSX,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    noUnusedLocals: true,
    noEmit: true,
    skipLibCheck: true,
    baseUrl: root,
    paths: { '@rivulet/react': ['src/index.ts'] },
  }
  const host = ts.createCompilerHost(options)
  const { fileExists, readFile } = host
  host.fileExists = (name) => files.has(name) || fileExists(name)
  host.readFile = (name) => files.get(name) ?? readFile(name)
  const program = ts.createProgram([...files.keys()], options, host)
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file !== undefined && files.has(d.file.fileName))
    .map((d) => {
      const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 }
      const name = d.file?.fileName.split('/').pop() ?? ''
      return `${name}:${line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`
    })
}

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
    expect(typeErrors()).toEqual([])
  }, 60_000)
})
