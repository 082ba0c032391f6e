import { describe, expect, it } from 'vitest'
import { sparkline } from './sparkline'

describe('the sparkline', () => {
  it('draws prices across the box, highest at the top', () => {
    expect(sparkline('MSFT', [10, 12, 11])).toEqual({
      points: '2,26 48,2 94,14',
      trend: 'up',
      label: 'MSFT: last 3 prices, from $10.00 to $11.00',
    })
  })

  it('draws a flat series through the middle', () => {
    expect(sparkline('TSLA', [250, 250])).toEqual({
      points: '2,14 94,14',
      trend: 'flat',
      label: 'TSLA: last 2 prices, from $250.00 to $250.00',
    })
  })

  it('draws nothing below two prices, and says so', () => {
    expect(sparkline('NVDA', [140])).toEqual({
      points: '',
      trend: 'flat',
      label: 'NVDA: no trend yet',
    })
    expect(sparkline('NVDA', []).points).toBe('')
  })

  it('calls a fall a fall', () => {
    expect(sparkline('META', [560, 555.5]).trend).toBe('down')
  })
})
