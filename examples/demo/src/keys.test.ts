import { describe, expect, it } from 'vitest'
import { keyAction, listenForKeys } from './keys.mjs'

describe('the keys', () => {
  it('map r, s, q and Ctrl-C, in either case, and nothing else', () => {
    expect(['r', 'S', 'q', '\u0003', 'x', '\r'].map(keyAction)).toEqual([
      'restart',
      'toggle',
      'quit',
      'quit',
      undefined,
      undefined,
    ])
  })

  it('are not listened for when stdin is not a terminal', () => {
    const notATerminal = { isTTY: false } as unknown as NodeJS.ReadStream
    expect(listenForKeys(notATerminal, () => {})).toBeUndefined()
  })
})
