// Faults armed for the next connections. Query parameters cannot express "fail once, then
// recover" for an EventSource, which reconnects to the same URL: arm `status=503&times=1` here
// and only the next connection fails.

import type { Faults } from '../faults'

export class ArmedFaults {
  #faults: Faults = {}
  #remaining = 0

  arm(faults: Faults, times: number): void {
    this.#faults = faults
    this.#remaining = times
  }

  clear(): void {
    this.arm({}, 0)
  }

  /** The armed faults for one connection, counting it against `times`. */
  take(): Faults {
    if (this.#remaining === 0) return {}
    this.#remaining--
    return this.#faults
  }

  toJSON(): { faults: Faults; remaining: number } {
    return { faults: this.#remaining > 0 ? this.#faults : {}, remaining: this.#remaining }
  }
}
