import { tickerConfig } from '@rivulet/example-shared'

// Each variable by name: Vite (and a test's `define`) replaces exactly these expressions.
export const config = tickerConfig({
  VITE_STOCKS_URL: import.meta.env.VITE_STOCKS_URL,
  VITE_CONTROL_URL: import.meta.env.VITE_CONTROL_URL,
  VITE_IDLE_TIMEOUT: import.meta.env.VITE_IDLE_TIMEOUT,
})
