// A Chromium page on its own origin (a small Node server), running Rivulet clients by name.
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Browser, Page } from 'playwright-core'
import { launchChromium } from '../../../test-support/chromium'
import type { BrowserClients } from './browser-entry'
import type { Received } from './collector'

export interface ChromiumClients {
  /** The page's origin, for the stock server's CORS. */
  readonly origin: string
  readonly page: Page
  open(name: string, url: string, transport: 'fetch' | 'eventsource'): Promise<void>
  read<T>(name: string): Promise<Received<T>>
  /** Resolves once client `name` has `count` payloads (bounded). */
  waitFor(name: string, count: number): Promise<void>
  close(name: string): Promise<void>
  dispose(): Promise<void>
}

type Window = { rivulet: BrowserClients }

export async function startChromiumClients(): Promise<ChromiumClients> {
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./browser-entry.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
  })
  const script = bundle.outputFiles[0]?.text ?? ''
  const pages = createServer((req, res) => {
    if (req.url === '/') {
      res.writeHead(200, { 'content-type': 'text/html' })
      res.end('<!doctype html><script type="module" src="/bundle.js"></script>')
    } else if (req.url === '/bundle.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' })
      res.end(script)
    } else {
      res.writeHead(404).end()
    }
  })
  await new Promise<void>((resolve) => pages.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(pages.address() as AddressInfo).port}`
  let browser: Browser | undefined
  try {
    browser = await launchChromium()
    const page = await browser.newPage()
    await page.goto(`${origin}/`)
    await page.waitForFunction(() => 'rivulet' in globalThis, undefined, { timeout: 20_000 })
    const opened = browser
    return {
      origin,
      page,
      open: (name, url, transport) =>
        page.evaluate(([n, u, t]) => (globalThis as unknown as Window).rivulet.open(n, u, t), [
          name,
          url,
          transport,
        ] as const),
      read: async <T>(name: string) =>
        (await page.evaluate(
          (n) => (globalThis as unknown as Window).rivulet.read(n),
          name,
        )) as Received<T>,
      waitFor: async (name, count) => {
        await page.waitForFunction(
          ([n, c]) =>
            ((globalThis as unknown as Window).rivulet.read(n)?.payloads.length ?? 0) >= c,
          [name, count] as const,
          { timeout: 30_000 },
        )
      },
      close: (name) =>
        page.evaluate((n) => (globalThis as unknown as Window).rivulet.close(n), name),
      dispose: async () => {
        await opened.close()
        await new Promise((resolve) => pages.close(resolve))
      },
    }
  } catch (error) {
    await browser?.close()
    await new Promise((resolve) => pages.close(resolve))
    throw error
  }
}
