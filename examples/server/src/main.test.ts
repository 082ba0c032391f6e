import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { openStream } from './test-client'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

/** Runs the real CLI entry the way `pnpm start` does, on a free loopback port. */
function startCli(args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts', ...args], {
    cwd: packageDir,
    env: { ...process.env, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const match = /listening on (http:\/\/\S+)/.exec(output)
      if (match?.[1] !== undefined) resolve(match[1])
    })
    void exited.then(() => reject(new Error(`exited before listening:\n${output}`)))
  })
  // Not every test waits for the URL; an exit before listening must not be unhandled.
  url.catch(() => {})
  return { child, url, exited, output: () => output }
}

describe('main (the start command)', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'on %s ends open streams, closes the server and exits 0',
    async (signal) => {
      const cli = startCli(['--interval', '5', '--host', '127.0.0.1'])
      try {
        const url = await cli.url
        expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
        const stream = await openStream(`${url}/stocks`)
        await stream.until('event: stockUpdate')
        cli.child.kill(signal)
        expect(await stream.finished).toBe('end')
        expect(await cli.exited).toBe(0)
        expect(cli.output()).toMatch(/open #1 127\.0\.0\.1:\d+ resume live/)
        expect(cli.output()).toMatch(/close #1 127\.0\.0\.1:\d+ sent \d+ events, reason shutdown/)
      } finally {
        cli.child.kill('SIGKILL')
      }
    },
    15_000,
  )

  it('refuses a bad flag with the usage text and exit code 2', async () => {
    const cli = startCli(['--port', 'many'])
    expect(await cli.exited).toBe(2)
    expect(cli.output()).toMatch(/--port must be an integer/)
    expect(cli.output()).toMatch(/Usage:/)
  }, 15_000)
})
