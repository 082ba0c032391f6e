import { afterEach, describe, expect, it } from 'vitest'
import type { ProcessSpec } from './plan.mjs'
import { createSupervisor, STOP_GRACE_MS } from './supervisor.mjs'

/** A Node process running `code`, ready once it prints "ready". */
const node = (name: string, code: string): ProcessSpec => ({
  name,
  title: name,
  command: process.execPath,
  args: ['-e', code],
  cwd: process.cwd(),
  env: {},
  ready: /^ready$/,
  url: '',
})
const STAYS_UP = "console.log('ready'); setInterval(() => {}, 1000)"

function until(check: () => boolean, timeout = 15_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const poll = setInterval(() => {
      if (check()) {
        clearInterval(poll)
        resolve()
      } else if (Date.now() - started > timeout) {
        clearInterval(poll)
        reject(new Error('condition not met in time'))
      }
    }, 20)
  })
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

let stopAll: (() => Promise<void>) | undefined
afterEach(async () => {
  await stopAll?.()
  stopAll = undefined
})

describe('the supervisor', () => {
  it('starts a process again after it dies, and logs why', async () => {
    const lines: string[] = []
    const ready: string[] = []
    const supervisor = createSupervisor(
      [node('crashy', "console.log('ready'); setTimeout(() => process.exit(3), 50)")],
      {
        log: (line) => lines.push(line),
        onReady: (name) => ready.push(name),
      },
    )
    stopAll = () => supervisor.stopAll()
    supervisor.startAll()
    await until(() => ready.length === 2)
    expect(lines).toContain('[crashy] ready')
    expect(lines).toContain('[demo] crashy exited (code 3); starting it again in 1 s')
    expect(lines.filter((line) => /^\[demo\] crashy started \(pid \d+\)$/.test(line))).toHaveLength(
      2,
    )
  })

  it('gives up on a process that stops before it was ever ready', async () => {
    const failed: string[] = []
    const supervisor = createSupervisor([node('early', 'process.exit(1)')], {
      log: () => {},
      onFailedStart: (name) => failed.push(name),
    })
    supervisor.startAll()
    await until(() => failed.length === 1)
    expect(supervisor.isRunning('early')).toBe(false)
  })

  it('gives up on a command that is not there', async () => {
    const failed: string[] = []
    const lines: string[] = []
    const missing = { ...node('missing', ''), command: 'rivulet-no-such-command' }
    const supervisor = createSupervisor([missing], {
      log: (line) => lines.push(line),
      onFailedStart: (name) => failed.push(name),
    })
    supervisor.startAll()
    await until(() => failed.length === 1)
    expect(lines).toContain('[demo] missing could not start: spawn rivulet-no-such-command ENOENT')
  })

  it('keeps a process it was asked to stop down until asked to start it', async () => {
    const ready: string[] = []
    const supervisor = createSupervisor([node('steady', STAYS_UP)], {
      log: () => {},
      onReady: (name) => ready.push(name),
    })
    stopAll = () => supervisor.stopAll()
    supervisor.startAll()
    await until(() => ready.length === 1)
    const pid = supervisor.pid('steady') ?? 0
    await supervisor.stop('steady')
    expect([alive(pid), supervisor.isRunning('steady')]).toEqual([false, false])
    supervisor.start('steady')
    await until(() => ready.length === 2)
    expect(supervisor.pid('steady')).not.toBe(pid)
  })

  it('ends what a process started when it exits: its whole process group', async () => {
    const lines: string[] = []
    // The child starts a grandchild that would outlive it, prints its pid, then exits.
    const parent = node(
      'parent',
      "const c = require('node:child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); console.log('grandchild ' + c.pid); console.log('ready'); setTimeout(() => process.exit(0), 200)",
    )
    const supervisor = createSupervisor([parent], { log: (line) => lines.push(line) })
    stopAll = () => supervisor.stopAll()
    supervisor.startAll()
    await until(() => lines.some((line) => line.startsWith('[demo] parent exited')))
    const grandchild = Number(
      lines.find((line) => line.startsWith('[parent] grandchild'))?.split(' ')[2],
    )
    await until(() => !alive(grandchild))
    expect(alive(grandchild)).toBe(false)
  })

  it(`kills a process that ignores SIGTERM after ${STOP_GRACE_MS / 1000} s`, async () => {
    const ready: string[] = []
    const supervisor = createSupervisor(
      [
        node(
          'stubborn',
          "process.on('SIGTERM', () => {}); console.log('ready'); setInterval(() => {}, 1000)",
        ),
      ],
      { log: () => {}, onReady: (name) => ready.push(name) },
    )
    supervisor.startAll()
    await until(() => ready.length === 1)
    const pid = supervisor.pid('stubborn') ?? 0
    await supervisor.stopAll()
    expect(alive(pid)).toBe(false)
  }, 20_000)
})
