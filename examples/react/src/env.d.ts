// The variables @rivulet/example-shared's tickerConfig reads (see its TickerEnv).
interface ImportMetaEnv {
  readonly VITE_STOCKS_URL?: string
  readonly VITE_CONTROL_URL?: string
  readonly VITE_IDLE_TIMEOUT?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
