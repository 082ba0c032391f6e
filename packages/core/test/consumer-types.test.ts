import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

// Core's published declarations (dist/, built before the tests) compiled the way users compile:
// without the DOM lib, in each module resolution users pick, as ESM and as CommonJS.
const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const consumer = join(root, 'test', 'consumer', 'node-only.ts')

const setups: [string, ts.CompilerOptions][] = [
  [
    'bundler, ESM',
    { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  ],
  [
    'node16, CommonJS',
    { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
  ],
  [
    'nodenext, ESM',
    { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext },
  ],
]

function errors(extra: ts.CompilerOptions, file: string): string[] {
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    types: ['node'],
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    // The package resolves itself by name through its own exports map, as in node_modules.
    typeRoots: [
      join(root, 'node_modules', '@types'),
      join(root, '..', '..', 'node_modules', '@types'),
    ],
    ...extra,
  }
  const program = ts.createProgram([file], options)
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file === undefined || !d.file.fileName.includes('/node_modules/'))
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
}

describe('the published types', () => {
  it('are built', () => {
    expect(existsSync(join(root, 'dist', 'index.d.ts'))).toBe(true)
  })

  it.each(setups)(
    'compile without the DOM lib (%s)',
    (_, options) => {
      expect(errors(options, consumer)).toEqual([])
    },
    60_000,
  )
})
