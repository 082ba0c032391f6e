import { combineLatest, map, merge, Observable, scan, shareReplay, startWith, Subject } from 'rxjs'
import {
  createClock,
  INITIAL_CONNECTION,
  INITIAL_TICKER,
  reduceConnection,
  reduceTicker,
} from '@rivulet/example-shared'
import type { ConnectionAction, TickerAction } from '@rivulet/example-shared'
import '@rivulet/example-shared/style.css'
import { byId } from './dom'
import { config, stocks } from './stocks'
import { renderBoard } from './views/board'
import { mountReconnect, renderConnection } from './views/connection'
import { renderFeed, renderRate } from './views/feed'
import { renderNotice } from './views/notice'
import { mountOutages } from './views/outages'

byId('source').textContent = config.stocksUrl
mountOutages(config.controlUrl, config.idleTimeout)
mountReconnect(() => stocks.reconnect())

const clock = createClock()
const now$ = new Observable<number>((subscriber) => {
  const emit = () => subscriber.next(clock.getSnapshot())
  const stop = clock.subscribe(emit)
  emit()
  return stop
})

const dismissed$ = new Subject<void>()
byId('dismiss').addEventListener('click', () => dismissed$.next())

// Quotes and resets through one fold, in the order they arrived; subscribing to on() connects.
const ticker$ = merge(
  stocks
    .on('stockUpdate')
    .pipe(map((quote): TickerAction => ({ type: 'quote', quote, at: Date.now() }))),
  stocks.on('reset').pipe(map((reset): TickerAction => ({ type: 'reset', reset }))),
  dismissed$.pipe(map((): TickerAction => ({ type: 'dismiss-reset' }))),
).pipe(scan(reduceTicker, INITIAL_TICKER), startWith(INITIAL_TICKER), shareReplay(1))

// status$ and errors$ only observe.
const connection$ = merge(
  stocks.status$.pipe(map((status): ConnectionAction => ({ type: 'status', status }))),
  stocks.errors$.pipe(map((error): ConnectionAction => ({ type: 'error', error }))),
).pipe(scan(reduceConnection, INITIAL_CONNECTION), startWith(INITIAL_CONNECTION))

ticker$.subscribe((state) => {
  renderBoard(state.board)
  renderFeed(state)
  renderNotice(state.reset)
})
combineLatest([ticker$, now$]).subscribe(([state, now]) => renderRate(state, now))
combineLatest([stocks.status$, connection$, ticker$, now$]).subscribe(
  ([status, connection, ticker, now]) =>
    renderConnection({ status, connection, lastEventId: stocks.lastEventId, ids: ticker.ids, now }),
)
