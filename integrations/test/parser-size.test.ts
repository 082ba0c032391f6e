import { describe, expect, it } from 'vitest'
import { entries, measure } from '../../scripts/size.mjs'
import { PARSER_ENTRY_GZIP_BUDGET } from '../../test-support/size-budgets'

describe('the @rivulet/core/parser entry', () => {
  it('bundles for the browser within its gzip budget, as scripts/size.mjs measures it', async () => {
    const entry = entries.find(({ name }) => name === '@rivulet/core/parser createParser')
    expect(entry).toBeDefined()
    const { gzip } = await measure(entry)
    console.log(
      `integrations: @rivulet/core/parser ${gzip} B min+gzip, budget ${PARSER_ENTRY_GZIP_BUDGET} B`,
    )
    expect(gzip).toBeLessThanOrEqual(PARSER_ENTRY_GZIP_BUDGET)
  })
})
