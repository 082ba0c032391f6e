import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureDir, integrations } from '../support/fixtures'
import type { Fixture } from '../support/fixtures'

/**
 * The framework sections quote fixture files, in fences that name the file (```tsx app/page.tsx).
 * Each must be the file as it is: the fixture is what the suite builds and checks in a real app,
 * so the README shows code that is known to work there.
 */
function quotedFiles(readme: string): { path: string; code: string }[] {
  const text = readFileSync(join(integrations, '..', readme), 'utf8')
  return [...text.matchAll(/```\w+ (\S+)\n([\s\S]*?)```/g)].map((match) => ({
    path: match[1] ?? '',
    code: match[2] ?? '',
  }))
}

const SECTIONS: [readme: string, fixture: Fixture, files: string[]][] = [
  ['packages/react/README.md', 'next', ['app/page.tsx', 'app/ticker.tsx']],
  [
    'packages/vue/README.md',
    'nuxt',
    ['nuxt.config.ts', 'pages/index.vue', 'components/StockTicker.vue'],
  ],
]

describe.each(SECTIONS)('the framework section of %s', (readme, fixture, files) => {
  it(`quotes these files of fixtures/${fixture}: ${files.join(', ')}`, () => {
    expect(quotedFiles(readme).map(({ path }) => path)).toEqual(files)
  })

  it.each(files)(`quotes %s exactly as fixtures/${fixture} has it`, (path) => {
    const quoted = quotedFiles(readme).find((file) => file.path === path)
    expect(quoted?.code).toBe(readFileSync(join(fixtureDir(fixture), path), 'utf8'))
  })
})
