// @ts-check
// Keeps the demo's processes up. Each runs in its own process group, so stopping it reaches
// whatever it started; one that stops by itself is started again after a growing wait; one that
// the user stopped stays down until asked. `stopAll` ends every group, with SIGKILL for any that
// outlives the grace period.

import { spawn } from 'node:child_process'
import { restartDelay } from './backoff.mjs'
import { eachLine } from './lines.mjs'

/** How long a process may take to exit after SIGTERM before its group is killed. */
export const STOP_GRACE_MS = 5000
const GROUPS = process.platform !== 'win32'

/**
 * @typedef {object} SupervisorEvents
 * @property {(line: string) => void} log every line, already prefixed
 * @property {(name: string) => void} [onReady] the process printed its ready line
 * @property {(name: string) => void} [onFailedStart] it stopped before it was ever ready
 */

/**
 * @typedef {object} Entry
 * @property {import('./plan.mjs').ProcessSpec} spec
 * @property {import('node:child_process').ChildProcess | undefined} child
 * @property {boolean} wanted whether it should be running
 * @property {boolean} everReady
 * @property {number} startedAt
 * @property {number | undefined} delay the last restart wait
 * @property {ReturnType<typeof setTimeout> | undefined} timer a pending restart
 * @property {(() => void)[]} waiters called when the running child exits
 * @property {boolean} restartAfterExit start again as soon as it exits (a restart on request)
 */

/**
 * @param {readonly import('./plan.mjs').ProcessSpec[]} specs
 * @param {SupervisorEvents} events
 */
export function createSupervisor(specs, events) {
  /** @type {Map<string, Entry>} */
  const entries = new Map(
    specs.map((spec) => [
      spec.name,
      {
        spec,
        child: undefined,
        wanted: false,
        everReady: false,
        startedAt: 0,
        delay: undefined,
        timer: undefined,
        waiters: [],
        restartAfterExit: false,
      },
    ]),
  )
  const say = (/** @type {string} */ line) => events.log(`[demo] ${line}`)

  /** @param {string} name */
  const entry = (name) => {
    const found = entries.get(name)
    if (found === undefined) throw new Error(`no process named ${name}`)
    return found
  }

  /** @param {Entry} e */
  function launch(e) {
    clearTimeout(e.timer)
    e.timer = undefined
    e.wanted = true
    e.startedAt = Date.now()
    const { spec } = e
    const child = spawn(spec.command, spec.args, {
      cwd: spec.cwd,
      env: { ...process.env, ...spec.env, FORCE_COLOR: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: GROUPS,
    })
    e.child = child
    const onLine = (/** @type {string} */ line) => {
      events.log(`[${spec.name}] ${line}`)
      if (spec.ready.test(line)) {
        e.everReady = true
        events.onReady?.(spec.name)
      }
    }
    if (child.stdout) eachLine(child.stdout, onLine)
    if (child.stderr) eachLine(child.stderr, onLine)
    child.on('error', (error) => {
      say(`${spec.name} could not start: ${error.message}`)
      // A command that is not there emits no 'exit': give up on it as on an early exit.
      if (child.pid === undefined && e.child === child) {
        e.child = undefined
        e.wanted = false
        for (const wake of e.waiters.splice(0)) wake()
        events.onFailedStart?.(spec.name)
      }
    })
    child.on('spawn', () => say(`${spec.name} started (pid ${child.pid})`))
    child.on('exit', (code, signal) => {
      // Sweep the group: whatever the process started must not outlive it.
      if (GROUPS && child.pid !== undefined) killGroup(child.pid, 'SIGKILL')
      e.child = undefined
      const how = signal === null ? `code ${code}` : `signal ${signal}`
      const waiters = e.waiters.splice(0)
      if (!e.wanted || e.restartAfterExit) {
        say(`${spec.name} stopped (${how})`)
        for (const wake of waiters) wake()
        if (e.restartAfterExit) {
          e.restartAfterExit = false
          launch(e)
        }
        return
      }
      for (const wake of waiters) wake()
      if (!e.everReady) {
        say(`${spec.name} exited (${how}) before it was ready`)
        e.wanted = false
        events.onFailedStart?.(spec.name)
        return
      }
      const ran = Date.now() - e.startedAt
      e.delay = restartDelay(e.delay, ran)
      say(`${spec.name} exited (${how}); starting it again in ${e.delay / 1000} s`)
      e.timer = setTimeout(() => launch(e), e.delay)
    })
  }

  /**
   * Signals the process's group and resolves once it has exited.
   * @param {Entry} e
   * @returns {Promise<void>}
   */
  function signal(e) {
    const child = e.child
    if (child === undefined || child.pid === undefined) return Promise.resolve()
    const pid = child.pid
    return new Promise((resolve) => {
      const force = setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS)
      e.waiters.push(() => {
        clearTimeout(force)
        resolve()
      })
      if (GROUPS) killGroup(pid, 'SIGTERM')
      else child.kill('SIGTERM')
    })
  }

  return {
    /** Starts every process. */
    startAll() {
      for (const e of entries.values()) launch(e)
    },
    /** @param {string} name */
    isRunning: (name) => entry(name).child !== undefined || entry(name).timer !== undefined,
    /** @param {string} name */
    pid: (name) => entry(name).child?.pid,
    /**
     * Stops it and starts it again at once.
     * @param {string} name
     */
    async restart(name) {
      const e = entry(name)
      if (e.child === undefined) return launch(e)
      e.restartAfterExit = true
      await signal(e)
    },
    /**
     * Stops it until `start`.
     * @param {string} name
     */
    async stop(name) {
      const e = entry(name)
      e.wanted = false
      clearTimeout(e.timer)
      e.timer = undefined
      await signal(e)
    },
    /** @param {string} name */
    start(name) {
      const e = entry(name)
      if (e.child === undefined) launch(e)
    },
    /** Ends every process group; resolves when all have exited. */
    async stopAll() {
      await Promise.all(
        [...entries.values()].map((e) => {
          e.wanted = false
          e.restartAfterExit = false
          clearTimeout(e.timer)
          e.timer = undefined
          return signal(e)
        }),
      )
    },
    /** SIGKILL to every group now: for a second Ctrl-C. */
    killAll() {
      for (const e of entries.values()) {
        e.wanted = false
        clearTimeout(e.timer)
        if (e.child?.pid !== undefined) killGroup(e.child.pid, 'SIGKILL')
      }
    },
  }
}

/**
 * @param {number} pid
 * @param {NodeJS.Signals} sig
 */
function killGroup(pid, sig) {
  try {
    if (GROUPS) process.kill(-pid, sig)
    else process.kill(pid, sig)
  } catch {
    // Already gone.
  }
}
