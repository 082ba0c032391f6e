// Types for build/browser-decoder.mjs, for tsup.config.ts.
import type { Plugin } from 'esbuild'

export const browserDecoder: Plugin
