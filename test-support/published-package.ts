import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The fields of a package.json these checks read. */
export interface Manifest {
  readonly name: string
  readonly license?: string
  readonly homepage?: string
  readonly bugs?: unknown
  readonly repository?: { readonly type: string; readonly url: string; readonly directory?: string }
  readonly engines?: Record<string, string>
  readonly exports?: unknown
}

export function readManifest(dir: string): Manifest {
  return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest
}

/**
 * The files `pnpm pack` puts in the package's tarball, sorted: exactly what would be published.
 * `--dry-run` lists them without writing a tarball.
 */
export function packedFiles(packageRoot: string): string[] {
  if (!existsSync(join(packageRoot, 'dist'))) {
    throw new Error(`${packageRoot} is not built: run \`pnpm build\` first`)
  }
  const output = execFileSync('pnpm', ['pack', '--dry-run', '--json'], {
    cwd: packageRoot,
    encoding: 'utf8',
    timeout: 60_000,
  })
  const { files } = JSON.parse(output.slice(output.indexOf('{'))) as {
    files: { path: string }[]
  }
  return files.map((file) => file.path).sort()
}

/** Every file the `exports` map names (`./dist/index.js` → `dist/index.js`), sorted. */
export function exportedFiles(manifest: Manifest): string[] {
  const files = new Set<string>()
  const visit = (value: unknown): void => {
    if (typeof value === 'string') files.add(value.replace(/^\.\//, ''))
    else if (value !== null && typeof value === 'object') Object.values(value).forEach(visit)
  }
  visit(manifest.exports)
  return [...files].sort()
}

/** The repository's web address from a manifest's `repository.url` (`git+https://…/x.git`). */
export function repositoryHome(manifest: Manifest): string {
  const url = manifest.repository?.url
  if (url === undefined) throw new Error(`${manifest.name} names no repository`)
  return url.replace(/^git\+/, '').replace(/\.git$/, '')
}
