import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'

export interface AxeSummary {
  /** One line per violated rule: its id, what it asks and where it failed. */
  readonly violations: string[]
  /** How many rules passed, for the record. */
  readonly passes: number
}

/** Runs axe-core on the page as it is now, with every rule axe enables by default. */
export async function axeCheck(page: Page): Promise<AxeSummary> {
  const results = await new AxeBuilder({ page }).analyze()
  return {
    violations: results.violations.map(
      (rule) =>
        `${rule.id}: ${rule.help} (${rule.nodes.map((node) => node.target.join(' ')).join(', ')})`,
    ),
    passes: results.passes.length,
  }
}
