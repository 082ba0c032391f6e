import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describeTickerApp } from '../../../test-support/ticker-suite'

describeTickerApp({
  name: 'Vue',
  root: join(dirname(fileURLToPath(import.meta.url)), '..'),
  subtitle: 'Server-Sent Events with Rivulet · Vue',
})
