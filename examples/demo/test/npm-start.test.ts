import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../../test-support/chromium'
import { factsOnce } from '../../../test-support/ticker-page'
import { NO_KEYS_HELP } from '../src/keys.mjs'
import {
  alive,
  freePort,
  killEverything,
  killServerAndAwaitRestart,
  listening,
  startRunner,
} from './runner'
import type { Runner } from './runner'

let runner: Runner | undefined
let browser: Browser | undefined
let page: Page
let dir = ''
let serverPort = 0
let appPort = 0

interface ControlStatus {
  readonly instance: string
  readonly latestId: string
}
const control = async (): Promise<ControlStatus> =>
  (await (await fetch(`http://127.0.0.1:${serverPort}/control`)).json()) as ControlStatus

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'rivulet-demo-'))
  serverPort = await freePort()
  appPort = await freePort()
  runner = startRunner([
    '--apps',
    'vanilla',
    '--port',
    String(serverPort),
    '--vanilla-port',
    String(appPort),
    '--state-file',
    join(dir, 'stocks.state'),
  ])
  browser = await launchChromium()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  killEverything(runner)
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

describe('npm start', () => {
  it('prints the URLs once the server and the app are up, and needs no terminal', async () => {
    await runner?.line(/^Rivulet demo: ready$/)
    // The block is printed at once, but may arrive in more than one read of the pipe.
    await runner?.line(/^No keys/)
    const at = runner?.lines.indexOf('Rivulet demo: ready') ?? -1
    expect(runner?.lines.slice(at, at + 4)).toEqual([
      'Rivulet demo: ready',
      `  Stock server  http://127.0.0.1:${serverPort}/stocks  (TypeScript reference server; ids survive restarts in ${join(dir, 'stocks.state')})`,
      `  Vanilla app   http://127.0.0.1:${appPort}`,
      NO_KEYS_HELP,
    ])
    const html = await (await fetch(`http://127.0.0.1:${appPort}`)).text()
    expect(html).toContain('<h1>Live Stock Market Updates</h1>')
  })

  it('starts the stock server again when it dies, with its ids, and the app resumes', async () => {
    await page.goto(`http://127.0.0.1:${appPort}`)
    const live = await factsOnce(page, { state: 'open', ids: /^\d+–\d+ · no gap · no repeat$/ })
    expect([live.status, live.reconnections]).toEqual(['Live', '0'])
    const [serverPid] = runner?.pids('server') ?? []
    const [appPid] = runner?.pids('vanilla') ?? []
    if (serverPid === undefined || appPid === undefined) throw new Error('no pids printed')
    const before = await control()
    expect(before.instance.endsWith(`-${serverPid}`)).toBe(true)

    if (runner === undefined) throw new Error('no runner')
    await killServerAndAwaitRestart(runner, serverPid)
    const [, restartedPid] = runner?.pids('server') ?? []
    const after = await control()
    expect(after.instance).toBe(before.instance.replace(`-${serverPid}`, `-${restartedPid}`))
    // The state file kept the feed: the new process carries on from the old one's ids.
    expect(Number(after.latestId)).toBeGreaterThanOrEqual(Number(before.latestId))

    const back = await factsOnce(page, {
      state: 'open',
      reconnections: '1',
      ids: /^\d+–\d+ · no gap · no repeat$/,
    })
    expect(Number(back.lastEventId)).toBeGreaterThanOrEqual(Number(before.latestId))
    expect([back.status, back.reconnections]).toEqual(['Live', '1'])
    expect(back.ids).toMatch(/^\d+–\d+ · no gap · no repeat$/)
    // The app was never restarted.
    expect(alive(appPid)).toBe(true)
    expect(runner?.pids('vanilla')).toEqual([appPid])
  })

  it('stops every process and frees every port on SIGINT', async () => {
    const pids = [...(runner?.pids('server') ?? []), ...(runner?.pids('vanilla') ?? [])]
    runner?.process.kill('SIGINT')
    expect(await runner?.exited).toBe(0)
    expect(runner?.lines.slice(-1)).toEqual(['[demo] stopped'])
    expect(pids.filter(alive)).toEqual([])
    expect([await listening(serverPort), await listening(appPort)]).toEqual([false, false])
  })
})
