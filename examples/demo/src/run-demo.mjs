// @ts-check
// The demo once built: starts the stock server and the apps under the supervisor, prints the
// URLs once all are up, keeps them up, and stops every process on Ctrl-C (or SIGTERM).

import { mkdirSync } from 'node:fs'
import { dirname, isAbsolute, relative } from 'node:path'
import { KEYS_HELP, listenForKeys, NO_KEYS_HELP } from './keys.mjs'
import { demoPlan } from './plan.mjs'
import { createSupervisor } from './supervisor.mjs'

/** The banner is printed by then even if something is still starting, saying what. */
const BANNER_WAIT_MS = 60_000

/**
 * @param {import('./options.mjs').DemoOptions} options
 * @param {{ root: string, node?: string, log?: (line: string) => void, stdin?: NodeJS.ReadStream }} context
 * @returns {Promise<number>} the exit code, once every process has stopped
 */
export function runDemo(options, context) {
  const { root, node = process.execPath, log = console.log, stdin = process.stdin } = context
  const plan = demoPlan(options, root, node)
  if (plan.stateFile !== undefined) mkdirSync(dirname(plan.stateFile), { recursive: true })
  const specs = [plan.server, ...plan.apps]
  const starting = new Set(specs.map((spec) => spec.name))
  let bannerShown = false
  /** @type {(code: number) => void} */
  let finish = () => {}
  const done = new Promise((resolve) => (finish = resolve))

  const about =
    options.server === 'ts'
      ? `TypeScript reference server; ids survive restarts in ${shown(root, plan.stateFile ?? '')}`
      : 'ASP.NET Core server; ids are timestamps, ordered across restarts; no control API, so the outage buttons are off'

  function banner() {
    if (bannerShown) return
    bannerShown = true
    clearTimeout(bannerTimer)
    const waiting = [...starting]
    log('')
    log(
      waiting.length === 0
        ? 'Rivulet demo: ready'
        : `Rivulet demo: still starting ${waiting.join(', ')}`,
    )
    log(`  ${plan.server.title.padEnd(13)} ${plan.server.url}  (${about})`)
    for (const app of plan.apps) log(`  ${app.title.padEnd(13)} ${app.url}`)
    log(keysOff === undefined ? NO_KEYS_HELP : KEYS_HELP)
    log('')
  }

  const supervisor = createSupervisor(specs, {
    log,
    onReady(name) {
      if (!bannerShown) {
        starting.delete(name)
        if (starting.size === 0) banner()
      } else if (name === 'server') {
        log(`[demo] the stock server is back: ${plan.server.url}`)
      }
    },
    onFailedStart(name) {
      log(`[demo] ${name} stopped before it was ready (its port may be taken): stopping the demo`)
      void shutdown(1)
    },
  })

  let stopping = false
  /** @param {number} code */
  async function shutdown(code) {
    if (stopping) {
      log('[demo] stopping now')
      supervisor.killAll()
      finish(1)
      return
    }
    stopping = true
    clearTimeout(bannerTimer)
    keysOff?.()
    log('[demo] stopping every process…')
    await supervisor.stopAll()
    log('[demo] stopped')
    for (const signal of SIGNALS) process.off(signal, onSignal)
    finish(code)
  }

  const SIGNALS = /** @type {const} */ (['SIGINT', 'SIGTERM', 'SIGHUP'])
  const onSignal = () => void shutdown(0)
  for (const signal of SIGNALS) process.on(signal, onSignal)

  const keysOff = listenForKeys(stdin, (action) => {
    if (action === 'quit') return void shutdown(0)
    if (stopping) return
    if (action === 'restart') {
      log('[demo] restarting the stock server')
      void supervisor.restart('server')
    } else if (supervisor.isRunning('server')) {
      log('[demo] stopping the stock server: watch the apps reconnect; press s to start it again')
      void supervisor.stop('server')
    } else {
      log('[demo] starting the stock server')
      supervisor.start('server')
    }
  })
  const bannerTimer = setTimeout(banner, BANNER_WAIT_MS)
  supervisor.startAll()
  return done
}

/**
 * A path inside the repository relative to it, any other as it is.
 * @param {string} root
 * @param {string} path
 */
function shown(root, path) {
  const inside = relative(root, path)
  return inside.startsWith('..') || isAbsolute(inside) ? path : inside
}
