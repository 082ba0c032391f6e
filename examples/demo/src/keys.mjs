// @ts-check
// Keys, only when stdin is a terminal: CI and tests run without one, and must not need one.

/** @typedef {'restart' | 'toggle' | 'quit'} KeyAction */

/** What each key does; Ctrl-C arrives as a key in raw mode. */
const KEYS = /** @type {const} */ ({
  r: 'restart',
  s: 'toggle',
  q: 'quit',
  '\u0003': 'quit',
})

export const KEYS_HELP =
  'Keys: r restart the stock server · s stop or start it · q quit (or Ctrl-C)'
export const NO_KEYS_HELP =
  'No keys (stdin is not a terminal): the stock server restarts by itself if it stops; SIGINT or SIGTERM stops everything.'

/**
 * @param {string} key
 * @returns {KeyAction | undefined}
 */
export function keyAction(key) {
  return /** @type {Record<string, KeyAction>} */ (KEYS)[key.toLowerCase()]
}

/**
 * Calls `onAction` for each known key pressed; returns the function that gives the terminal back.
 * @param {NodeJS.ReadStream} stdin
 * @param {(action: KeyAction) => void} onAction
 * @returns {(() => void) | undefined} undefined when stdin is not a terminal
 */
export function listenForKeys(stdin, onAction) {
  if (!stdin.isTTY) return undefined
  stdin.setRawMode(true)
  stdin.setEncoding('utf8')
  const onData = (/** @type {string} */ text) => {
    for (const key of text) {
      const action = keyAction(key)
      if (action !== undefined) onAction(action)
    }
  }
  stdin.on('data', onData)
  stdin.resume()
  return () => {
    stdin.off('data', onData)
    stdin.setRawMode(false)
    stdin.pause()
  }
}
