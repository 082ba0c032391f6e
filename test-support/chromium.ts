import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import type { Browser, BrowserContext } from 'playwright-core'

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

function findChromium(): string {
  const executablePath = CANDIDATES.find((path) => path !== undefined && existsSync(path))
  if (executablePath === undefined) {
    throw new Error('Chromium not found: run scripts/ensure-chromium.sh or set CHROMIUM_PATH')
  }
  return executablePath
}

/** Launches headless Chromium for browser tests; `scripts/ensure-chromium.sh` installs it. */
export async function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: ARGS })
}

/** A Chromium of our own, and the one browser context its tabs share. */
export interface PageLifecycleBrowser {
  readonly browser: Browser
  readonly context: BrowserContext
  close(): Promise<void>
}

/**
 * Headless Chromium for tests of the page lifecycle, where `launchChromium` cannot serve: a page
 * that Playwright launched or created stays `visible` whatever happens (its focus emulation counts
 * as a capture of the tab, so the tab is never hidden and cannot be frozen) and Playwright turns
 * the back/forward cache off. Here Chromium is started with a DevTools port and playwright-core
 * attaches over CDP with `noDefaults`, which leaves the pages of the default context alone: every
 * page is a tab of one window, only the one in front is visible (`bringToFront()` switches), a
 * hidden tab can be frozen (`Page.setWebLifecycleState`), and the back/forward cache works.
 */
export async function launchChromiumForLifecycle(): Promise<PageLifecycleBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'rivulet-chromium-'))
  const args = [...ARGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank']
  // Its own process group: the distribution's launcher is a script that starts the browser as a
  // child, and the whole group is stopped at the end.
  const child = spawn(findChromium(), args, { detached: true, stdio: 'ignore' })
  const stop = () => {
    try {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL')
    } catch {
      // Gone already.
    }
    rmSync(profile, { recursive: true, force: true })
  }
  try {
    // Chromium writes the port it picked here once it listens (on 127.0.0.1).
    const portFile = join(profile, 'DevToolsActivePort')
    const readPort = () =>
      existsSync(portFile) ? readFileSync(portFile, 'utf8').split('\n')[0] : ''
    // Up to 45 s: on two busy cores (CI runs test files in parallel) a start has taken over 10 s.
    // A browser that exits is reported at once, with its code.
    let exited: string | undefined
    child.once('exit', (code, signal) => (exited = String(code ?? signal)))
    for (let i = 0; i < 900 && !readPort() && exited === undefined; i++)
      await new Promise((resolve) => setTimeout(resolve, 50))
    const port = readPort()
    if (!port)
      throw new Error(
        exited === undefined
          ? 'Chromium did not open its DevTools port within 45 s'
          : `Chromium exited (${exited}) before opening its DevTools port`,
      )
    const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { noDefaults: true })
    const context = browser.contexts()[0]
    if (context === undefined) throw new Error('Chromium has no default context')
    return {
      browser,
      context,
      close: async () => {
        await browser.close().catch(() => {})
        stop()
      },
    }
  } catch (error) {
    stop()
    throw error
  }
}
