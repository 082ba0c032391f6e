import { describe, expect, it, vi } from 'vitest'
import type { ServerSentEvent } from '../parse'
import { createHub, UNNAMED_TYPES_KEPT } from './hub'

const event = (type: string, data = ''): ServerSentEvent => ({
  type,
  data,
  lastEventId: '',
  id: undefined,
})

function hub() {
  const first = vi.fn()
  const last = vi.fn()
  return { hub: createHub(first, last, () => false), first, last }
}

describe('createHub', () => {
  it('hands each payload to the subscribers of its type and every event to events$', () => {
    const { hub: h } = hub()
    const ticks: unknown[] = []
    const all: unknown[] = []
    h.observe('tick').subscribe((data) => ticks.push(data))
    h.observe(undefined).subscribe((typed) => all.push(typed))
    h.deliver(event('tick', '"a"'), 1)
    h.deliver(event('news', '"b"'), 2)
    expect(ticks).toEqual([1])
    expect(all).toEqual([
      { type: 'tick', data: 1, id: undefined, lastEventId: '', raw: '"a"' },
      { type: 'news', data: 2, id: undefined, lastEventId: '', raw: '"b"' },
    ])
  })

  it('runs first when the first subscriber comes and last when the last one leaves', () => {
    const { hub: h, first, last } = hub()
    const a = h.observe('tick').subscribe()
    const b = h.observe(undefined).subscribe()
    expect([first.mock.calls.length, last.mock.calls.length]).toEqual([1, 0])
    a.unsubscribe()
    b.unsubscribe()
    expect([first.mock.calls.length, last.mock.calls.length]).toEqual([1, 1])
  })

  it('keeps the latest payload of each type, also of types nobody subscribes to', () => {
    const { hub: h } = hub()
    h.deliver(event('tick'), 1)
    h.deliver(event('news'), 'x')
    h.deliver(event('tick'), 2)
    expect([h.latest('tick'), h.latest('news'), h.latest('other')]).toEqual([2, 'x', undefined])
  })

  it(`keeps the latest of at most ${UNNAMED_TYPES_KEPT} types nobody named, the newest`, () => {
    const { hub: h } = hub()
    const flood = UNNAMED_TYPES_KEPT + 500
    for (let i = 0; i < flood; i++) h.deliver(event(`t${i}`), i)
    const kept = Array.from({ length: flood }, (_, i) => h.latest(`t${i}`)).filter(
      (latest) => latest !== undefined,
    )
    expect(kept).toEqual(
      Array.from({ length: UNNAMED_TYPES_KEPT }, (_, i) => flood - UNNAMED_TYPES_KEPT + i),
    )
  })

  it('never forgets the latest of a type once subscribed to, whatever floods in', () => {
    const { hub: h } = hub()
    h.deliver(event('tick'), 'first')
    h.observe('tick').subscribe().unsubscribe()
    h.deliver(event('news'), 'news')
    for (let i = 0; i < 10 * UNNAMED_TYPES_KEPT; i++) h.deliver(event(`t${i}`), i)
    expect([h.latest('tick'), h.latest('news')]).toEqual(['first', undefined])
    expect(h.latest('t0')).toBeUndefined()
    expect(h.latest(`t${10 * UNNAMED_TYPES_KEPT - 1}`)).toBe(10 * UNNAMED_TYPES_KEPT - 1)
  })

  it('forgets no type when the app subscribes to a new one', () => {
    const { hub: h } = hub()
    for (let i = 0; i < UNNAMED_TYPES_KEPT; i++) h.deliver(event(`t${i}`), i)
    h.observe('tick').subscribe()
    h.deliver(event('tick'), 'tick')
    expect([h.latest('t0'), h.latest('tick')]).toEqual([0, 'tick'])
  })

  it('delivers nothing more to the type once an events$ subscriber completes everyone', () => {
    const { hub: h } = hub()
    const ticks: unknown[] = []
    h.observe(undefined).subscribe(() => h.complete())
    h.observe('tick').subscribe((data) => ticks.push(data))
    h.deliver(event('tick'), 1)
    expect(ticks).toEqual([])
    expect(h.latest('tick')).toBe(1)
  })
})
