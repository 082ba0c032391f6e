import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeTickerApp } from '../../../test-support/ticker-suite'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

describeTickerApp({
  name: 'React',
  root,
  subtitle: 'Server-Sent Events with Rivulet · React',
  // The picture in the READMEs: `pnpm --filter @rivulet/example-react screenshot` refreshes it.
  readmeScreenshot: join(root, 'screenshot.png'),
})
