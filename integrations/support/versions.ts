import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The version of `name` installed in `dir`'s node_modules. */
export function installedVersion(dir: string, name: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'))
  return manifest.version
}

/** The peer range a package declares for `peer`, from its installed manifest. */
export function peerRange(dir: string, name: string, peer: string): string {
  const manifest = JSON.parse(readFileSync(join(dir, 'node_modules', name, 'package.json'), 'utf8'))
  return manifest.peerDependencies[peer]
}

/**
 * The oldest version a caret range (`^18.0.0 || ^19.0.0`) admits: the lowest of its
 * alternatives. Only the forms Rivulet's manifests use: `^x.y.z` joined by `||`.
 */
export function lowestOf(range: string): string {
  const versions = range.split('||').map((part) => {
    const match = /^\s*\^(\d+)\.(\d+)\.(\d+)\s*$/.exec(part)
    if (match === null) throw new Error(`not a caret range: ${part}`)
    return [Number(match[1]), Number(match[2]), Number(match[3])] as const
  })
  versions.sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2])
  return (versions[0] ?? []).join('.')
}

/**
 * Diagnostics from `tsc --pretty false` output that are Rivulet's business: in the consumer's
 * own files or in Rivulet's declarations. The oldest third-party types have errors of their own
 * under `skipLibCheck: false` (@types/react 18.0.0 names a `scheduler/tracing` that today's
 * @types/scheduler no longer has; Vue 3.3.0's declarations use const enums that
 * `isolatedModules` rejects), which no change to Rivulet can fix.
 */
export function rivuletDiagnostics(output: string): string[] {
  return output
    .split(/\n(?=\S)/)
    .map((diagnostic) => diagnostic.trim())
    .filter((diagnostic) => diagnostic !== '')
    .filter(
      (diagnostic) => !diagnostic.startsWith('node_modules/') || diagnostic.includes('/@rivulet/'),
    )
}
