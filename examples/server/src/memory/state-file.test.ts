import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { StateFile, StateFileError } from './state-file'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function path(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rivulet-state-test-'))
  dirs.push(dir)
  return join(dir, 'state')
}

const quote = (id: number) =>
  JSON.stringify({ id, symbol: 'MSFT', price: 100 + id, timestamp: '2025-01-02T03:04:05.678Z' })
const header = (floorId: number) =>
  `{"format":"rivulet-stock-state","version":1,"floorId":${floorId}}\n`

describe('StateFile', () => {
  it('starts afresh without a file, and writes a header at once', () => {
    const file = path()
    const { restored } = StateFile.open(file, 3)
    expect(restored).toEqual({ floorId: 0, quotes: [] })
    expect(readFileSync(file, 'utf8')).toBe(header(0))
  })

  it('journals each quote as a line and restores them in order', () => {
    const file = path()
    const first = StateFile.open(file, 5).file
    first.append(quote(1))
    first.append(quote(2))
    expect(readFileSync(file, 'utf8')).toBe(`${header(0)}${quote(1)}\n${quote(2)}\n`)
    const { restored } = StateFile.open(file, 5)
    expect(restored.floorId).toBe(0)
    expect(restored.quotes.map((q) => [q.quote.id, q.data])).toEqual([
      [1, quote(1)],
      [2, quote(2)],
    ])
  })

  it('keeps the last `capacity` quotes and moves the floor past the rest', () => {
    const file = path()
    writeFileSync(file, `${header(10)}${[11, 12, 13, 14].map((id) => `${quote(id)}\n`).join('')}`)
    const { restored } = StateFile.open(file, 2)
    expect([restored.floorId, restored.quotes.map((q) => q.quote.id)]).toEqual([12, [13, 14]])
    expect(readFileSync(file, 'utf8')).toBe(`${header(12)}${quote(13)}\n${quote(14)}\n`)
  })

  it('drops a last line cut short by a crash: it was never sent', () => {
    const file = path()
    writeFileSync(file, `${header(0)}${quote(1)}\n${quote(2).slice(0, 20)}`)
    const { restored } = StateFile.open(file, 5)
    expect(restored.quotes.map((q) => q.quote.id)).toEqual([1])
  })

  it('asks to be compacted past twice its capacity, and compacts to what it is given', () => {
    const file = path()
    const state = StateFile.open(file, 2).file
    for (let id = 1; id <= 4; id++) state.append(quote(id))
    expect(state.needsCompaction).toBe(false)
    state.append(quote(5))
    expect(state.needsCompaction).toBe(true)
    state.compact(3, [quote(4), quote(5)])
    expect(state.needsCompaction).toBe(false)
    expect(readFileSync(file, 'utf8')).toBe(`${header(3)}${quote(4)}\n${quote(5)}\n`)
  })

  it.each([
    ['a file of something else', 'hello\n', 'line 1: not a rivulet-stock-state version 1 header'],
    [
      'a line in the middle that is not a quote',
      `${header(0)}{"id":1}\n${quote(2)}\n`,
      'line 2: not a quote',
    ],
    ['ids that skip', `${header(0)}${quote(1)}\n${quote(3)}\n`, 'line 3: id 3 after 1'],
  ])('refuses %s with a typed error and leaves the file alone', (_, text, detail) => {
    const file = path()
    writeFileSync(file, text)
    const attempt = () => StateFile.open(file, 5)
    expect(attempt).toThrow(StateFileError)
    expect(attempt).toThrow(`state file ${file}: ${detail}; move it away to start afresh`)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })
})
