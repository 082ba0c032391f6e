// @vitest-environment node
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeEventListInChromium } from '../../../test-support/event-list-suite'

/** The app's `max` (browser/main.tsx). */
const MAX = 5

describeEventListInChromium(
  join(dirname(fileURLToPath(import.meta.url)), 'browser'),
  MAX,
  'shows the latest quotes newest first, bounded, over one connection under StrictMode',
)
