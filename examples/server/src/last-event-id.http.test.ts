import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer } from './test-client'

let fixture: Awaited<ReturnType<typeof startTestServer>> | undefined
afterEach(async () => {
  await fixture?.stop()
  fixture = undefined
})

/** Sends the request bytes as given (UTF-8 in the header) and reads until `until` arrives. */
function rawRequest(url: string, lastEventId: string, until: string): Promise<string> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname)
    let received = ''
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`no ${JSON.stringify(until)} within 4 s; received:\n${received}`))
    }, 4000)
    socket.on('connect', () => {
      socket.write(
        Buffer.concat([
          Buffer.from(`GET /stocks HTTP/1.1\r\nHost: ${hostname}\r\nLast-Event-ID: `, 'latin1'),
          Buffer.from(lastEventId, 'utf8'),
          Buffer.from('\r\n\r\n', 'latin1'),
        ]),
      )
    })
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      received += chunk
      if (!received.includes(until)) return
      clearTimeout(timer)
      socket.destroy()
      resolve(received)
    })
    socket.on('error', reject)
  })
}

describe('Last-Event-ID sent as UTF-8 bytes', () => {
  it.each(['株-7', 'é-8', '📈-9'])('reads %s exactly, and echoes it in the reset', async (id) => {
    const lines: string[] = []
    fixture = await startTestServer({ log: (line) => lines.push(line) })
    fixture.server.tick()
    const response = await rawRequest(fixture.url, id, 'id: 1\n\n')
    // The reset's data is JSON, so the id comes back as the same UTF-8 text.
    expect(response).toContain(
      `event: reset\ndata: {"reason":"unknown","lastEventId":${JSON.stringify(id)},"latestId":1}\nid: 1\n\n`,
    )
    expect(lines[0]).toMatch(new RegExp(`^open #1 127\\.0\\.0\\.1:\\d+ resume after "${id}"$`))
  })
})
