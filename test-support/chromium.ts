import { existsSync } from 'node:fs'
import { chromium } from 'playwright-core'
import type { Browser } from 'playwright-core'

// The distribution's Chromium: test tools may not download a browser of their own here.
const CANDIDATES = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']

// Without the background-networking flags Chromium keeps dialling out, which a closed network
// refuses; --no-sandbox because CI runs as root.
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Launches headless Chromium for browser tests; `scripts/ensure-chromium.sh` installs it. */
export async function launchChromium(): Promise<Browser> {
  const executablePath = CANDIDATES.find((path) => path !== undefined && existsSync(path))
  if (executablePath === undefined) {
    throw new Error('Chromium not found: run scripts/ensure-chromium.sh or set CHROMIUM_PATH')
  }
  return chromium.launch({ executablePath, args: ARGS })
}
