import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import type { Asset } from '../lib/server'

/**
 * The page as an app ships it: one ESM bundle, minified, for the browser. `names` keeps the
 * functions' names, for a readable CPU profile.
 */
export async function pageAssets({ names = false } = {}): Promise<Map<string, Asset>> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('browser-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    minify: !names,
    minifyWhitespace: true,
    minifySyntax: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    logLevel: 'silent',
  })
  const script = result.outputFiles[0]?.contents
  if (script === undefined) throw new Error('esbuild wrote no bundle')
  const html =
    '<!doctype html><meta charset="utf-8"><title>bench</title><script type="module" src="/page.js"></script>'
  return new Map<string, Asset>([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/page.js', { type: 'text/javascript; charset=utf-8', body: script }],
    ['/favicon.ico', { type: 'image/x-icon', body: '' }],
  ])
}
