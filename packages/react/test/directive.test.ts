import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist')

/** The directive prologue of a built file: the string statements before any other. */
function directives(file: string): string[] {
  const path = join(dist, file)
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`pnpm build\` first`)
  const source = ts.createSourceFile(file, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022)
  const prologue: string[] = []
  for (const statement of source.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isStringLiteral(statement.expression)) break
    prologue.push(statement.expression.text)
  }
  return prologue
}

// Next.js reads the directive from the prologue of the file it resolves, so it must survive
// bundling in both formats: `import` resolves to index.js, `require` to index.cjs.
describe('the built package', () => {
  it('opens the ESM build with the "use client" directive', () => {
    expect(directives('index.js')).toEqual(['use client'])
  })

  it('opens the CommonJS build with "use client" before "use strict"', () => {
    expect(directives('index.cjs')).toEqual(['use client', 'use strict'])
  })
})
