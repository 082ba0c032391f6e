// What test-support's startStack defines for the app it serves.
interface ImportMeta {
  readonly env: { readonly VITE_STOCKS_URL: string }
}
