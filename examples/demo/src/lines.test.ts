import { PassThrough } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { eachLine } from './lines.mjs'

describe('a child process output', () => {
  it('comes line by line across chunks, without colours or blank lines', async () => {
    const stream = new PassThrough()
    const lines: string[] = []
    eachLine(stream, (line) => lines.push(line))
    stream.write('  \u001b[32m➜\u001b[39m  Local:   http://127.0.0.1:51')
    stream.write('73/\r\n\n  ready in 12 ms\nlast line without an end')
    stream.end()
    await new Promise((resolve) => stream.on('end', resolve))
    expect(lines).toEqual([
      '  ➜  Local:   http://127.0.0.1:5173/',
      '  ready in 12 ms',
      'last line without an end',
    ])
  })
})
