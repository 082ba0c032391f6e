import os from 'node:os'
import path from 'node:path'

/** What a reader needs to judge a figure: where, when, how, and how busy the machine was. */
export interface Machine {
  cpu: string
  cores: number
  node: string
  v8: string
  os: string
  chromium: string | undefined
  date: string
  command: string
  /** 1-minute load average when the suite started and when it ended. */
  loadStart: number
  loadEnd: number
}

function load(): number {
  return Math.round((os.loadavg()[0] ?? 0) * 100) / 100
}

/** Reconstructs the command that ran this suite, relative to the bench package. */
function command(): string {
  const script = path.relative(process.cwd(), process.argv[1] ?? '')
  return ['node', ...process.execArgv, script, ...process.argv.slice(2)].join(' ')
}

export function startMachine(): Machine {
  return {
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: os.cpus().length,
    node: process.version,
    v8: process.versions.v8,
    os: `${os.platform()} ${os.arch()}`,
    chromium: undefined,
    date: new Date().toISOString(),
    command: command(),
    loadStart: load(),
    loadEnd: Number.NaN,
  }
}

export function finishMachine(machine: Machine): Machine {
  return { ...machine, loadEnd: load() }
}

export function machineMarkdown(machine: Machine, durationMs: number): string {
  const browser = machine.chromium === undefined ? '' : `, Chromium ${machine.chromium}`
  return [
    `Machine: ${machine.cpu}, ${machine.cores} cores, Node ${machine.node} (V8 ${machine.v8})${browser}, ${machine.os}.`,
    `Run: \`${machine.command}\` (in \`bench/\`), ${machine.date}, ${(durationMs / 1000).toFixed(0)} s,`,
    `load average ${machine.loadStart.toFixed(2)} at the start, ${machine.loadEnd.toFixed(2)} at the end.`,
  ].join('\n')
}
