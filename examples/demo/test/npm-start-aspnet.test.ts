import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchChromium } from '../../../test-support/chromium'
import { factsOnce, textOnce } from '../../../test-support/ticker-page'
import { hasAspNetCore10 } from './dotnet'
import { alive, freePort, killEverything, killServerAndAwaitRestart, startRunner } from './runner'
import type { Runner } from './runner'

const dotnet = hasAspNetCore10()
let runner: Runner | undefined
let browser: Browser | undefined
let page: Page
let serverPort = 0
let appPort = 0

beforeAll(async () => {
  if (!dotnet)
    throw new Error(
      'no .NET 10 SDK with ASP.NET Core 10: get it at https://dotnet.microsoft.com/download/dotnet/10.0 (RIVULET_WITHOUT_DOTNET=1 leaves this file out)',
    )
  serverPort = await freePort()
  appPort = await freePort()
  runner = startRunner([
    '--server',
    'aspnet',
    '--apps',
    'vanilla',
    '--port',
    String(serverPort),
    '--vanilla-port',
    String(appPort),
  ])
  browser = await launchChromium()
  page = await browser.newPage()
})

afterAll(async () => {
  await browser?.close()
  killEverything(runner)
})

describe('npm start -- --server aspnet', () => {
  it('serves the apps from the ASP.NET Core server, with the outage buttons off', async () => {
    await runner?.line(/^Rivulet demo: ready$/)
    // The block is printed at once, but may arrive in more than one read of the pipe.
    await runner?.line(/^No keys/)
    expect(runner?.lines).toContain(
      `  Stock server  http://127.0.0.1:${serverPort}/stocks2  (ASP.NET Core server; ids are timestamps, ordered across restarts; no control API, so the outage buttons are off)`,
    )
    await page.goto(`http://127.0.0.1:${appPort}`)
    const live = await factsOnce(page, {
      state: 'open',
      ids: /^\d+ ids? · in order · no repeat$/,
    })
    expect([live.status, live.reconnections]).toEqual(['Live', '0'])
    expect(live.lastEventId).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{7}Z$/)
    const hint =
      'This server has no control API, so the buttons are off: the reference server (examples/server) has one.'
    expect(await textOnce(page, '#outages-hint', hint)).toBe(hint)
    const disabled = await page
      .locator('.outage-list button')
      .evaluateAll((buttons) => buttons.map((button) => (button as HTMLButtonElement).disabled))
    expect(disabled).toEqual([true, true, true, true])
  })

  it('starts the ASP.NET Core server again when it dies, and the app resumes in order', async () => {
    const [serverPid] = runner?.pids('server') ?? []
    const [appPid] = runner?.pids('vanilla') ?? []
    if (serverPid === undefined || appPid === undefined) throw new Error('no pids printed')
    const before = (await factsOnce(page, { state: 'open' })).lastEventId
    if (runner === undefined) throw new Error('no runner')
    await killServerAndAwaitRestart(runner, serverPid)
    // Open again is not yet an event again: wait until an event after the restart has moved the
    // id (in one CI run the page was read in between, still showing the id from before).
    const moved = new RegExp(`^(?!${before.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$).+$`)
    const back = await factsOnce(page, {
      state: 'open',
      reconnections: '1',
      ids: /^\d+ ids · in order · no repeat$/,
      lastEventId: moved,
    })
    expect([back.status, back.reconnections]).toEqual(['Live', '1'])
    expect(back.ids).toMatch(/^\d+ ids · in order · no repeat$/)
    // Round-trip timestamps order as strings: the resumed feed carries on after the old one.
    expect(back.lastEventId > before).toBe(true)
    expect(alive(appPid)).toBe(true)
  })

  it('stops the ASP.NET Core server and the app on SIGTERM', async () => {
    const pids = [...(runner?.pids('server') ?? []), ...(runner?.pids('vanilla') ?? [])]
    runner?.process.kill('SIGTERM')
    expect(await runner?.exited).toBe(0)
    expect(pids.filter(alive)).toEqual([])
  })
})
