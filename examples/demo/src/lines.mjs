// @ts-check
// A child's output, line by line, without terminal colours: what the supervisor prefixes and
// scans for "ready".

// eslint-disable-next-line no-control-regex -- the escape sequences are what it removes
const ANSI = /\x1b\[[0-9;?]*[A-Za-z]/g

/**
 * Calls `onLine` with each complete line of `stream`, colours removed, blank lines skipped.
 * @param {NodeJS.ReadableStream} stream
 * @param {(line: string) => void} onLine
 */
export function eachLine(stream, onLine) {
  let rest = ''
  stream.setEncoding('utf8')
  stream.on('data', (/** @type {string} */ text) => {
    const lines = (rest + text).split(/\r?\n/)
    rest = lines.pop() ?? ''
    for (const line of lines) {
      const plain = line.replace(ANSI, '').trimEnd()
      if (plain.trim() !== '') onLine(plain)
    }
  })
  stream.on('end', () => {
    const plain = rest.replace(ANSI, '').trimEnd()
    if (plain.trim() !== '') onLine(plain)
    rest = ''
  })
}
