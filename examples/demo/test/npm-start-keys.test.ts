import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEYS_HELP } from '../src/keys.mjs'
import { alive, freePort, killEverything, listening, SCRIPT, startRunner } from './runner'
import type { Runner } from './runner'

let runner: Runner | undefined
let dir = ''
let serverPort = 0

beforeAll(async () => {
  if (SCRIPT === undefined)
    throw new Error(
      'no `script` command (util-linux) to give npm start a terminal: install util-linux',
    )
  dir = await mkdtemp(join(tmpdir(), 'rivulet-demo-keys-'))
  serverPort = await freePort()
  const appPort = await freePort()
  const args = [
    '--apps',
    'vanilla',
    '--port',
    String(serverPort),
    '--vanilla-port',
    String(appPort),
  ]
  runner = startRunner([...args, '--state-file', join(dir, 'stocks.state')], { terminal: true })
})

afterAll(async () => {
  killEverything(runner)
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

/** Types a key into the runner's terminal; resolves when `pattern` is printed after it. */
async function press(key: string, pattern: RegExp): Promise<string> {
  const from = runner?.lines.length ?? 0
  runner?.process.stdin?.write(key)
  return (await runner?.line(pattern, from)) ?? ''
}

describe('npm start in a terminal', () => {
  it('says which keys it takes', async () => {
    await runner?.line(/^Rivulet demo: ready$/)
    expect(await runner?.line(/^Keys: /)).toBe(KEYS_HELP)
  })

  it('restarts the stock server on r', async () => {
    const [first] = runner?.pids('server') ?? []
    await press('r', /^\[demo\] the stock server is back: /)
    const pids = runner?.pids('server') ?? []
    expect(pids).toHaveLength(2)
    expect(pids[1]).not.toBe(first)
    expect(await listening(serverPort)).toBe(true)
  })

  it('stops the stock server on s, and starts it again on s', async () => {
    // examples/server sets its SIGTERM handler just after its "listening" line: a stop within
    // that moment ends it by the signal's default action instead of its graceful close.
    await press('s', /^\[demo\] server stopped \((code 0|signal SIGTERM)\)$/)
    expect(await listening(serverPort)).toBe(false)
    await press('s', /^\[demo\] the stock server is back: /)
    expect(await listening(serverPort)).toBe(true)
    expect(runner?.pids('server')).toHaveLength(3)
  })

  it('stops everything on q', async () => {
    const pids = [...(runner?.pids('server') ?? []), ...(runner?.pids('vanilla') ?? [])]
    await press('q', /^\[demo\] stopped$/)
    expect(await runner?.exited).toBe(0)
    expect(pids.filter(alive)).toEqual([])
  })
})
