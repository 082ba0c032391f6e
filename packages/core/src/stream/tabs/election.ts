import type { ChannelConstructor } from './messages'
import { randomId } from './messages'

interface Campaign {
  /** This tab leads now. */
  elected(): void
  /** Another tab leads after all: stop leading (BroadcastChannel election only). */
  deposed(): void
}

/** Campaigns for one stream's leadership until the returned function is called (which resigns). */
export type Election = (campaign: Campaign) => () => void

/** The part of `navigator.locks` used here. */
export interface LocksLike {
  request(
    name: string,
    options: { signal: AbortSignal },
    callback: () => Promise<void>,
  ): Promise<unknown>
}

/**
 * Web Locks: the tab holding the lock leads; the others wait in line for it. The browser releases
 * it when the tab closes or crashes, so the next in line is elected without any timer.
 */
export function lockElection(locks: LocksLike, name: string): Election {
  return ({ elected }) => {
    const abort = new AbortController()
    let release: (() => void) | undefined
    let resigned = false
    locks
      .request(name, { signal: abort.signal }, () => {
        if (resigned) return Promise.resolve()
        return new Promise<void>((resolve) => {
          release = resolve
          elected()
        })
      })
      // Aborted while waiting in line: the tab resigned before its turn.
      .catch(() => {})
    return () => {
      resigned = true
      abort.abort()
      release?.()
    }
  }
}

/** How often a leader says it is alive, how long a silence deposes it, how long a claim waits. */
const HEARTBEAT = 1000
const SILENCE = 3500
const CLAIM_WAIT = 250

type Rank = { readonly tab: string; readonly since: number }
type ElectionMessage =
  | ({ readonly t: 'alive' } & Rank)
  | ({ readonly t: 'claim' } & Rank)
  | { readonly t: 'who' }
  | { readonly t: 'bye' }

/**
 * The fallback where `navigator.locks` is missing: the longest-running candidate leads. A leader
 * says it is alive every `HEARTBEAT` ms and answers every question and claim at once; a tab that
 * hears nothing (at the start, after `bye`, or after `SILENCE` ms) claims, and leads if no
 * older candidate claimed within `CLAIM_WAIT` ms. Two leaders (claims that crossed) settle it when
 * they hear each other: the younger steps down.
 */
export function channelElection(Channel: ChannelConstructor, name: string): Election {
  return ({ elected, deposed }) => {
    const me: Rank = { tab: randomId(), since: Date.now() }
    const channel = new Channel(name + ':election')
    let state: 'waiting' | 'claiming' | 'leading' = 'waiting'
    let timer: ReturnType<typeof setTimeout> | undefined
    let heartbeat: ReturnType<typeof setInterval> | undefined

    const send = (message: ElectionMessage) => channel.postMessage(message)
    const after = (ms: number, then: () => void) => {
      clearTimeout(timer)
      timer = setTimeout(then, ms)
    }
    const older = (other: Rank) =>
      other.since < me.since || (other.since === me.since && other.tab < me.tab)

    const claim = () => {
      state = 'claiming'
      send({ t: 'claim', ...me })
      after(CLAIM_WAIT, lead)
    }
    const lead = () => {
      state = 'leading'
      send({ t: 'alive', ...me })
      heartbeat = setInterval(() => send({ t: 'alive', ...me }), HEARTBEAT)
      elected()
    }
    const follow = () => {
      const leading = state === 'leading'
      state = 'waiting'
      clearInterval(heartbeat)
      after(SILENCE, claim)
      if (leading) deposed()
    }

    channel.onmessage = ({ data }: MessageEvent<ElectionMessage>) => {
      switch (data.t) {
        case 'alive':
          if (state !== 'leading' || older(data)) follow()
          // A younger leader: say so at once, so that it steps down.
          else send({ t: 'alive', ...me })
          return
        case 'claim':
          if (state === 'leading') send({ t: 'alive', ...me })
          // An older candidate: let it lead (it will say so), and wait for it.
          else if (older(data)) follow()
          return
        case 'who':
          if (state === 'leading') send({ t: 'alive', ...me })
          return
        case 'bye':
          if (state === 'waiting') claim()
      }
    }
    send({ t: 'who' })
    after(CLAIM_WAIT, claim)

    return () => {
      if (state === 'leading') send({ t: 'bye' })
      clearTimeout(timer)
      clearInterval(heartbeat)
      channel.close()
    }
  }
}
