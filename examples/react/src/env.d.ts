interface ImportMetaEnv {
  /** The stock stream's URL; default http://127.0.0.1:5000/stocks (the reference server). */
  readonly VITE_STOCKS_URL?: string
}

interface ImportMeta {
  readonly env: ImportMetaEnv
}
