import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { exportedFiles, packedFiles, readManifest, repositoryHome } from './published-package'
import { linkProblems } from './readme-links'

/**
 * What a user of `packages/<name>` gets from the registry: the tarball `pnpm pack` makes (the
 * suite builds first), and the README as the registry shows it, where only absolute links work.
 * Each published package's `test/published.test.ts` runs this for itself.
 */
export function describePublishedPackage(name: string): void {
  const repository = join(dirname(fileURLToPath(import.meta.url)), '..')
  const directory = `packages/${name}`
  const root = join(repository, directory)
  const manifest = readManifest(root)
  const workspace = readManifest(repository)
  const home = repositoryHome(workspace)

  describe('the published package', () => {
    it('ships the files its exports name, the README, CHANGELOG and LICENSE, and no source map', () => {
      const files = packedFiles(root)
      expect(files.filter((file) => !file.startsWith('dist/'))).toEqual([
        'CHANGELOG.md',
        'LICENSE',
        'README.md',
        'package.json',
      ])
      expect(exportedFiles(manifest).filter((file) => !files.includes(file))).toEqual([])
      expect(files.filter((file) => file.endsWith('.map'))).toEqual([])
    }, 60_000)

    it("ships the MIT license its manifest names, the repository's own", () => {
      const license = readFileSync(join(root, 'LICENSE'), 'utf8')
      expect(manifest.license).toBe('MIT')
      expect(license.split('\n')[0]).toBe('MIT License')
      expect(license).toBe(readFileSync(join(repository, 'LICENSE'), 'utf8'))
    })

    it('names its folder in the repository, its issue tracker and the Node versions it supports', () => {
      expect(manifest.repository).toEqual({ ...workspace.repository, directory })
      expect(manifest.homepage).toBe(`${home}/tree/main/${directory}#readme`)
      expect(manifest.bugs).toEqual(workspace.bugs)
      expect(manifest.engines).toEqual(workspace.engines)
    })
  })

  describe('the README on the registry', () => {
    it('links to files of the repository by absolute URL, and every link it has works', () => {
      expect(linkProblems(join(root, 'README.md'), repository, home)).toEqual([])
    })
  })
}
