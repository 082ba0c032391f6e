import type { StreamError, StreamStatus } from '@rivulet/core'

const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' })
const signed = new Intl.NumberFormat('en-US', {
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
  signDisplay: 'always',
})

export const formatPrice = (value: number): string => price.format(value)

export function formatChange(change: number | undefined): string {
  if (change === undefined || change === 0) return '—'
  return `${change > 0 ? '▲' : '▼'} ${signed.format(change)}`
}

export const formatTime = (iso: string): string => new Date(iso).toLocaleTimeString()

/** `up`, `down` or `flat`: the class that colours a change. */
export function direction(change: number | undefined): 'up' | 'down' | 'flat' {
  if (change === undefined || change === 0) return 'flat'
  return change > 0 ? 'up' : 'down'
}

// Core's messages already name the kind ("network error: Failed to fetch").
export const describeError = (error: StreamError): string => error.message

/** The badge text: the state, and what the user wants to know about it. */
export function describeStatus(status: StreamStatus): string {
  switch (status.state) {
    case 'idle':
      return 'idle'
    case 'connecting':
      return status.attempt === 0 ? 'connecting' : `connecting (attempt ${status.attempt})`
    case 'open':
      return 'open'
    case 'reconnecting': {
      const wait = status.delay === undefined ? '' : ` in ${(status.delay / 1000).toFixed(1)} s`
      return `reconnecting (attempt ${status.attempt}${wait})`
    }
    case 'paused':
      return `paused: ${status.reason}`
    case 'closed':
      return `closed: ${status.reason}`
  }
}
