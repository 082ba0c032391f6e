import { describe, expect, it } from 'vitest'
import { entries, measure } from '../../../scripts/size.mjs'
import { ENTRY_GZIP_BUDGETS } from '../../../test-support/size-budgets'

// What each entry point costs an app, from the packages' builds (the suite builds them first).
describe('bundle size budgets', () => {
  it('has a budget for every entry scripts/size.mjs measures', () => {
    expect(entries.map((entry) => entry.name).sort()).toEqual(
      Object.keys(ENTRY_GZIP_BUDGETS).sort(),
    )
  })

  it.each(Object.entries(ENTRY_GZIP_BUDGETS))(
    'keeps %s within its budget',
    async (name, budget) => {
      const entry = entries.find((candidate) => candidate.name === name)
      const size = await measure(entry)
      expect(size.gzip).toBeLessThanOrEqual(budget.upFront)
      expect(size.lazyGzip).toBeLessThanOrEqual(budget.lazy ?? 0)
    },
    30_000,
  )
})
