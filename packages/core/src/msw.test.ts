import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import * as msw from './msw'
import * as testing from './testing'

/** The bare imports of a built file and of every chunk it imports, transitively. */
function bareImports(file: string, seen = new Set<string>()): string[] {
  if (seen.has(file)) return []
  seen.add(file)
  const code = readFileSync(new URL(`../dist/${file}`, import.meta.url), 'utf8')
  const specifiers = [...code.matchAll(/(?:from|require\()\s*['"]([^'"]+)['"]/g)].map((m) => m[1])
  // Declarations name their chunks by the JavaScript they describe: './types-x.js' is types-x.d.ts.
  const local = (specifier: string) =>
    file.includes('.d.') ? specifier.replace(/\.(c?)js$/, '.d.$1ts') : specifier
  return specifiers.flatMap((specifier = '') =>
    specifier.startsWith('./') ? bareImports(local(specifier.slice(2)), seen) : [specifier],
  )
}

describe('the test kit entry points', () => {
  it('export exactly these values', () => {
    expect(Object.keys(testing)).toEqual(['fakeTransport'])
    expect(Object.keys(msw)).toEqual(['sseHandler'])
  })

  it('keep msw out of @rivulet/core/testing, as built', () => {
    for (const file of ['testing.js', 'testing.cjs', 'testing.d.ts', 'testing.d.cts']) {
      expect(new Set(bareImports(file))).toEqual(new Set(['rxjs']))
    }
    expect(bareImports('msw.js')).toEqual(['msw'])
  })
})
