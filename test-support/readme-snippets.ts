import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import ts from 'typescript'

export type SnippetLanguage = 'ts' | 'tsx'

/** The code blocks of `language` in the README of the package at `packageRoot`. */
export function readmeSnippets(packageRoot: string, language: SnippetLanguage): string[] {
  const readme = readFileSync(join(packageRoot, 'README.md'), 'utf8')
  const fence = new RegExp('```' + language + '\\n([\\s\\S]*?)```', 'g')
  return [...readme.matchAll(fence)].map((match) => match[1] ?? '')
}

/**
 * Type-checks `snippets` against the package's sources, each as its own module that imports the
 * package by `packageName`, so the documented examples cannot drift from the API. Returns one
 * line per error: `readme-<index>.<language>:<line> <message>`.
 */
export function snippetTypeErrors(
  packageRoot: string,
  packageName: string,
  snippets: readonly string[],
  language: SnippetLanguage,
  extraOptions: ts.CompilerOptions = {},
): string[] {
  const files = new Map(
    snippets.map((code, i) => [join(packageRoot, 'test', `readme-${i}.${language}`), code]),
  )
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    types: ['node'],
    strict: true,
    noUncheckedIndexedAccess: true,
    noEmit: true,
    skipLibCheck: true,
    baseUrl: packageRoot,
    paths: { [packageName]: ['src/index.ts'], [packageName + '/*']: ['src/*.ts'] },
    ...extraOptions,
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
