import { describeReset } from '@rivulet/example-shared'
import type { TickerState } from '@rivulet/example-shared'
import { byId } from '../dom'

export function renderNotice(reset: TickerState['reset']): void {
  byId('notice').hidden = reset === undefined
  byId('notice-text').textContent = reset === undefined ? '' : describeReset(reset.event)
}
