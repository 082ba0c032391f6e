import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import GithubSlugger from 'github-slugger'
import { marked } from 'marked'
import type { Token } from 'marked'

/** A link in a Markdown file: what it points at and the text it shows. */
interface Link {
  readonly href: string
  readonly text: string
}

// Markdown links, images and reference definitions come out of marked's lexer with their target
// resolved; raw HTML (`<a href>`, `<img src>`) comes out as text to read the attributes from.
const HTML_TARGET = /\b(?:href|src)\s*=\s*"([^"]*)"/g

/** Every link of `markdown`, in document order; code blocks and code spans hold none. */
function markdownLinks(markdown: string): Link[] {
  const links: Link[] = []
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'link' || token.type === 'image') {
      links.push({ href: token.href, text: token.text })
    } else if (token.type === 'html') {
      for (const [, href] of token.raw.matchAll(HTML_TARGET))
        links.push({ href: href ?? '', text: '' })
    }
  })
  return links
}

function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if ('tokens' in token && token.tokens) return plainText(token.tokens)
      return token.type === 'text' || token.type === 'codespan' || token.type === 'escape'
        ? token.text
        : ''
    })
    .join('')
}

/** The anchors GitHub and npm give the headings of `markdown` (`## The stream` → `the-stream`). */
function headingAnchors(markdown: string): Set<string> {
  const slugger = new GithubSlugger()
  const anchors = new Set<string>()
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'heading') anchors.add(slugger.slug(plainText(token.tokens ?? [])))
  })
  return anchors
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i

/**
 * What is wrong with the links of the Markdown file `file` as a registry renders it, where only
 * absolute URLs and the page's own anchors work: every relative link, and every link into the
 * repository at `home` (`<home>/blob/main/<file>`, `<home>/tree/main/<folder>`) whose path is
 * not a file or folder of `repositoryRoot` or whose anchor is not a heading of the file.
 * One line per problem; none when every link works.
 */
export function linkProblems(file: string, repositoryRoot: string, home: string): string[] {
  const markdown = readFileSync(file, 'utf8')
  const ownAnchors = headingAnchors(markdown)
  const problems: string[] = []
  for (const { href, text } of markdownLinks(markdown)) {
    const shown = `[${text}](${href})`
    if (href.startsWith('#')) {
      if (!ownAnchors.has(decodeURIComponent(href.slice(1)))) {
        problems.push(`${shown}: no heading has this anchor`)
      }
    } else if (!SCHEME.test(href)) {
      problems.push(
        `${shown}: relative, dead on the registry; use ${home}/blob/main/<file> or /tree/main/<folder>`,
      )
    } else if (href.startsWith(`${home}/blob/`) || href.startsWith(`${home}/tree/`)) {
      problems.push(...repositoryLinkProblems(shown, href.slice(home.length + 1), repositoryRoot))
    }
  }
  return problems
}

function repositoryLinkProblems(shown: string, target: string, repositoryRoot: string): string[] {
  const [location = '', anchor] = target.split('#')
  const [kind, ref, ...segments] = location.split('/')
  if (ref !== 'main') return [`${shown}: points at ${ref ?? 'nothing'}, not at main`]
  const path = join(repositoryRoot, ...segments.map(decodeURIComponent))
  if (!existsSync(path)) return [`${shown}: ${segments.join('/')} is not in the repository`]
  const isFolder = statSync(path).isDirectory()
  if (kind === 'blob' && isFolder) return [`${shown}: a folder, link it with /tree/main/`]
  if (kind === 'tree' && !isFolder) return [`${shown}: a file, link it with /blob/main/`]
  if (anchor !== undefined && path.endsWith('.md')) {
    if (!headingAnchors(readFileSync(path, 'utf8')).has(decodeURIComponent(anchor))) {
      return [`${shown}: no heading of ${segments.join('/')} has this anchor`]
    }
  }
  return []
}
