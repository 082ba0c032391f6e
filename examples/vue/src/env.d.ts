/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** The stock stream; default http://127.0.0.1:5000/stocks (the reference server). */
  readonly VITE_STOCKS_URL?: string
}
