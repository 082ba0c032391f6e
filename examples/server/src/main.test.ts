import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCli, stopCli } from '../test/cli'
import type { Cli } from '../test/cli'
import { openStream } from './test-client'

const started: Cli[] = []
const dirs: string[] = []
afterEach(async () => {
  await Promise.all(started.splice(0).map((cli) => stopCli(cli)))
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function cli(args: string[]): Cli {
  const child = startCli('main', ['--host', '127.0.0.1', ...args])
  started.push(child)
  return child
}

function stateFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rivulet-state-'))
  dirs.push(dir)
  return join(dir, 'stocks.state')
}

/** The stockUpdate ids in a body, in order. */
const idsIn = (body: string) =>
  [...body.matchAll(/^event: stockUpdate\ndata: .*\nid: (\d+)$/gm)].map((m) => Number(m[1]))
/** The frames of quotes after `after`, up to and including `upTo`, exactly as sent. */
const framesBetween = (body: string, after: number, upTo: number) =>
  [...body.matchAll(/event: stockUpdate\ndata: .*\nid: (\d+)\n\n/g)]
    .filter((m) => Number(m[1]) > after && Number(m[1]) <= upTo)
    .map((m) => m[0])
    .join('')

describe('main (the start command, from the built dist/main.js)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s ends open streams, closes the server and exits 0',
    async (signal) => {
      const server = cli(['--interval', '5'])
      const url = await server.url
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const stream = await openStream(`${url}/stocks`)
      await stream.until('event: stockUpdate')
      server.child.kill(signal)
      expect(await stream.finished).toBe('end')
      expect(await server.exited).toBe(0)
      expect(server.output()).toMatch(/open #1 127\.0\.0\.1:\d+ resume live/)
      expect(server.output()).toMatch(/close #1 127\.0\.0\.1:\d+ sent \d+ events, reason shutdown/)
    },
    15_000,
  )

  it('refuses a bad flag with the usage text and exit code 2', async () => {
    const server = cli(['--port', 'many'])
    expect(await server.exited).toBe(2)
    expect(server.output()).toMatch(/--port must be an integer/)
    expect(server.output()).toMatch(/Usage:/)
  }, 15_000)
})

describe('main with --state-file: restarts keep the ids', () => {
  it('resumes a client across a graceful restart with the same bytes, no gap and no reset', async () => {
    const file = stateFile()
    const first = cli(['--interval', '10', '--state-file', file])
    const before = await openStream(`${await first.url}/stocks`)
    await before.until((body) => idsIn(body).length >= 6)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    const seen = idsIn(before.text())
    const last = seen.at(-1) ?? 0

    const second = cli(['--interval', '10', '--state-file', file])
    const after = await openStream(`${await second.url}/stocks`, {
      headers: { 'Last-Event-ID': String(seen[1]) },
    })
    const body = await after.until((text) => idsIn(text).includes(last + 2))
    const resumed = idsIn(body)
    expect(resumed.slice(0, last + 2 - (seen[1] ?? 0))).toEqual(
      Array.from({ length: last + 2 - (seen[1] ?? 0) }, (_, i) => (seen[1] ?? 0) + 1 + i),
    )
    expect(body).not.toContain('event: reset')
    // The replayed quotes are the very bytes the client had before the restart.
    expect(framesBetween(body, seen[1] ?? 0, last)).toBe(
      framesBetween(before.text(), seen[1] ?? 0, last),
    )
  }, 20_000)

  it('loses nothing a client saw when the process is killed with SIGKILL', async () => {
    const file = stateFile()
    const first = cli(['--interval', '10', '--state-file', file])
    const before = await openStream(`${await first.url}/stocks`)
    await before.until((body) => idsIn(body).length >= 6)
    first.child.kill('SIGKILL')
    await first.exited
    expect(await before.finished).toBe('aborted')
    const seen = idsIn(before.text())
    const last = seen.at(-1) ?? 0

    const second = cli(['--interval', '10', '--state-file', file])
    const url = await second.url
    // The newest id the client has: the server knows it, so it resumes instead of resetting.
    const fromLast = await openStream(`${url}/stocks`, {
      headers: { 'Last-Event-ID': String(last) },
    })
    const live = await fromLast.until((text) => idsIn(text).length >= 2)
    expect(live).not.toContain('event: reset')
    expect(idsIn(live).slice(0, 2)).toEqual([last + 1, last + 2])
    // And an older one is replayed from the journal with the bytes the client saw.
    const fromFirst = await openStream(`${url}/stocks`, {
      headers: { 'Last-Event-ID': String(seen[0]) },
    })
    const replay = await fromFirst.until((text) => idsIn(text).includes(last))
    expect(framesBetween(replay, seen[0] ?? 0, last)).toBe(
      framesBetween(before.text(), seen[0] ?? 0, last),
    )
    fromLast.close()
    fromFirst.close()
  }, 20_000)

  it('refuses to start on a damaged state file, with exit code 2, and leaves it as it was', async () => {
    const file = stateFile()
    const damaged = '{"format":"rivulet-stock-state","version":1,"floorId":0}\nnot json\n{"id":2}\n'
    writeFileSync(file, damaged)
    const server = cli(['--state-file', file])
    expect(await server.exited).toBe(2)
    expect(server.output()).toContain(`state file ${file}: line 2: not a quote`)
    expect(readFileSync(file, 'utf8')).toBe(damaged)
  }, 15_000)
})
