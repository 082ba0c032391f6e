// The payload every client decodes; free of Node imports, so the browser bundle can use it.

export interface Quote {
  id: number
  symbol: string
  name: string
  price: number
  time: string
  /** Latency suite: when the server wrote the event, on the machine's monotonic clock (ms). */
  sent?: number
}

export const EVENT_TYPE = 'stockUpdate'
