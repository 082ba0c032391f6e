import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Server } from 'node:net'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, killEverything, startRunner } from './runner'
import type { Runner } from './runner'

let runner: Runner | undefined
let squatter: Server | undefined
let dir = ''

afterAll(async () => {
  killEverything(runner)
  await new Promise((resolve) => (squatter ? squatter.close(resolve) : resolve(undefined)))
  if (dir !== '') await rm(dir, { recursive: true, force: true })
})

describe('npm start on a port that is taken', () => {
  it('stops the demo with exit code 1 and says which process could not start', async () => {
    const taken = await freePort()
    squatter = createServer()
    await new Promise<void>((resolve) => squatter?.listen(taken, '127.0.0.1', resolve))
    const appPort = await freePort()
    dir = await mkdtemp(join(tmpdir(), 'rivulet-demo-taken-'))
    runner = startRunner([
      ...['--apps', 'vanilla', '--port', String(taken), '--vanilla-port', String(appPort)],
      ...['--state-file', join(dir, 'stocks.state')],
    ])
    expect(await runner.exited).toBe(1)
    expect(runner.lines).toContain(
      '[demo] server stopped before it was ready (its port may be taken): stopping the demo',
    )
    expect(runner.lines.at(-1)).toBe('[demo] stopped')
    expect(runner.pids('server')).toHaveLength(1)
  })
})
