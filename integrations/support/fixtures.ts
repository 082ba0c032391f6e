import { existsSync } from 'node:fs'
import { mkdtemp, rm, mkdir } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { runOrThrow } from './processes'

export const integrations = fileURLToPath(new URL('..', import.meta.url))
const repository = join(integrations, '..')

/** The apps, each its own pnpm workspace with a committed lockfile. */
export const FIXTURES = ['next', 'nuxt', 'lower-bounds'] as const
export type Fixture = (typeof FIXTURES)[number]

export const fixtureDir = (fixture: Fixture) => join(integrations, 'fixtures', fixture)

/** The packages as published: what `pnpm pack` puts in each tarball. */
const PACKAGES = ['core', 'react', 'vue'] as const

/**
 * Packs each package and unpacks the tarball into `.packed/<name>`, which the fixtures depend on
 * as `file:` directories. A directory and not the tarball itself: pnpm locks a tarball's hash,
 * which changes with every build, while a directory is locked by its path alone, so the
 * fixtures' lockfiles stay frozen and pnpm copies the files in fresh on every install.
 */
export async function packPackages(): Promise<number> {
  const started = performance.now()
  const tarballs = await mkdtemp(join(tmpdir(), 'rivulet-pack-'))
  try {
    for (const name of PACKAGES) {
      const dir = join(repository, 'packages', name)
      if (!existsSync(join(dir, 'dist'))) {
        throw new Error(`packages/${name} is not built: run \`pnpm build\` first`)
      }
      const packed = await runOrThrow('pnpm', ['pack', '--pack-destination', tarballs], {
        cwd: dir,
        timeoutMs: 60_000,
      })
      const tarball = packed.output.trim().split('\n').at(-1) ?? ''
      const target = join(integrations, '.packed', name)
      await rm(target, { recursive: true, force: true })
      await mkdir(target, { recursive: true })
      await runOrThrow('tar', ['-xzf', tarball, '-C', target, '--strip-components=1'], {
        cwd: tarballs,
        timeoutMs: 60_000,
      })
    }
  } finally {
    await rm(tarballs, { recursive: true, force: true })
  }
  return (performance.now() - started) / 1000
}

/** Installs a fixture exactly as locked; returns the seconds it took. */
export async function installFixture(fixture: Fixture): Promise<number> {
  const result = await runOrThrow(
    'pnpm',
    ['install', '--frozen-lockfile', '--prefer-offline', '--reporter=append-only'],
    { cwd: fixtureDir(fixture), timeoutMs: 600_000 },
  )
  return result.seconds
}
