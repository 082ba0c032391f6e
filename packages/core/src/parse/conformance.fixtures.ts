import type { ServerSentEvent } from './types'

/**
 * Fixture streams written from the WHATWG HTML "Event stream interpretation" text, one per rule,
 * each with the exact result a conforming user agent produces. Tests feed every one whole, split
 * at every index, and byte by byte.
 */
export interface Fixture {
  rule: string
  stream: string | Uint8Array
  events: ServerSentEvent[]
  comments?: string[]
  retries?: number[]
  /** The parser's last event ID once the whole stream has been fed, before `end()`. */
  lastEventId?: string
}

export function event(
  data: string,
  fields: { type?: string; lastEventId?: string; id?: string } = {},
): ServerSentEvent {
  return {
    type: fields.type ?? 'message',
    data,
    lastEventId: fields.lastEventId ?? fields.id ?? '',
    id: fields.id,
  }
}

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)
const bytes = (...parts: (string | number[])[]): Uint8Array =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? [...utf8(part)] : part)))

export const fixtures: Fixture[] = [
  {
    rule: 'dispatches a message event at a blank line',
    stream: 'data: hello\n\n',
    events: [event('hello')],
  },
  {
    rule: 'uses the event field as the event type',
    stream: 'event: stockUpdate\ndata: {"price":1}\n\n',
    events: [event('{"price":1}', { type: 'stockUpdate' })],
  },
  {
    rule: 'joins data lines with LF and removes only the final LF',
    stream: 'data: a\ndata: b\ndata:\n\n',
    events: [event('a\nb\n')],
  },
  {
    rule: 'strips one space after the colon and no more',
    stream: 'data:  two spaces\n\ndata:none\n\n',
    events: [event(' two spaces'), event('none')],
  },
  {
    rule: 'keeps colons after the first one in the value',
    stream: 'data: a:b: c\n\n',
    events: [event('a:b: c')],
  },
  {
    rule: 'takes a line without a colon as a field name with an empty value',
    stream: 'data\n\ndata\ndata\n\n',
    events: [event(''), event('\n')],
  },
  {
    rule: 'dispatches an event with empty data for an empty data field',
    stream: 'data:\n\n',
    events: [event('')],
  },
  {
    rule: 'dispatches nothing for a block with only an event field, and forgets its type',
    stream: 'event: lonely\n\ndata: x\n\n',
    events: [event('x')],
  },
  {
    rule: 'defaults an empty event field to message',
    stream: 'event:\ndata: x\n\n',
    events: [event('x')],
  },
  {
    rule: 'resets the event type after each dispatch',
    stream: 'event: a\ndata: 1\n\ndata: 2\n\n',
    events: [event('1', { type: 'a' }), event('2')],
  },
  {
    rule: 'keeps the last event id across events until an id field changes it',
    stream: 'id: 1\ndata: a\n\ndata: b\n\nid: 2\ndata: c\n\n',
    events: [event('a', { id: '1' }), event('b', { lastEventId: '1' }), event('c', { id: '2' })],
    lastEventId: '2',
  },
  {
    rule: 'updates the last event id from a block that has no data',
    stream: 'data: a\n\nid: 7\n\ndata: b\n\n',
    events: [event('a'), event('b', { lastEventId: '7' })],
    lastEventId: '7',
  },
  {
    rule: 'updates the last event id at the blank line of an id-only block',
    stream: 'data: a\n\nid: 7\n\n',
    events: [event('a')],
    lastEventId: '7',
  },
  {
    rule: 'ignores an id field that contains NUL',
    stream: 'id: 1\ndata: a\n\nid: 2\u00003\ndata: b\n\n',
    events: [event('a', { id: '1' }), event('b', { lastEventId: '1' })],
    lastEventId: '1',
  },
  {
    rule: 'resets the last event id with an empty id field',
    stream: 'id: 1\ndata: a\n\nid\ndata: b\n\n',
    events: [event('a', { id: '1' }), event('b', { id: '' })],
    lastEventId: '',
  },
  {
    rule: 'uses the last of several id fields in one block',
    stream: 'id: 1\nid: 2\ndata: a\n\n',
    events: [event('a', { id: '2' })],
  },
  {
    rule: 'ends lines at CRLF, LF and CR alike',
    stream: 'data: a\r\ndata: b\rdata: c\n\r\ndata: d\r\r',
    events: [event('a\nb\nc'), event('d')],
  },
  {
    rule: 'counts CR followed by LF as one line ending, not two',
    stream: 'data: a\r\n\r\ndata: b\r\n\r\n',
    events: [event('a'), event('b')],
  },
  {
    rule: 'ends a line at a lone CR that is the last byte of the stream',
    stream: 'data: last\n\r',
    events: [event('last')],
  },
  {
    rule: 'strips a BOM at the very start of the stream',
    stream: bytes([0xef, 0xbb, 0xbf], 'data: a\n\n'),
    events: [event('a')],
  },
  {
    rule: 'strips a BOM that starts a stream given as text',
    stream: '\uFEFFdata: a\n\n',
    events: [event('a')],
  },
  {
    rule: 'strips only the first BOM of the stream',
    stream: '\uFEFF\uFEFFdata: a\n\ndata: b\n\n',
    events: [event('b')],
  },
  {
    rule: 'keeps a BOM that is not at the start of the stream',
    stream: 'data: a\n\n\uFEFFdata: b\n\ndata: \uFEFFc\n\n',
    events: [event('a'), event('\uFEFFc')],
  },
  {
    rule: 'matches field names case-sensitively',
    stream: 'Data: a\n\nDATA: b\nEvent: x\nID: 3\ndata: c\n\n',
    events: [event('c')],
  },
  {
    rule: 'matches no field name on a character whose low byte is an ASCII letter',
    // U+0164, U+0169 and U+0174 end in the bytes of "d", "i" and "t".
    stream: 'data: z\n\u0164ata: x\n\u0169d: 1\n\n\u0164\u0161\u0174\u0161: y\n\n',
    events: [event('z')],
    lastEventId: '',
  },
  {
    rule: 'ignores unknown fields, including names with spaces',
    stream: 'foo: bar\ndata : x\ndata: y\n\n',
    events: [event('y')],
  },
  {
    rule: 'reports comment lines apart and dispatches nothing for them',
    stream: ': hello\n:no space\n:\ndata: a\n: between\n\n',
    events: [event('a')],
    comments: ['hello', 'no space', '', 'between'],
  },
  {
    rule: 'reports a retry field made only of ASCII digits',
    stream: 'retry: 1500\nretry: 0\ndata: a\n\n',
    events: [event('a')],
    retries: [1500, 0],
  },
  {
    rule: 'ignores a retry field that is not only ASCII digits',
    stream: 'retry: 10a\nretry: -1\nretry: 1.5\nretry:\nretry:  100\nretry: ١٢\n\n',
    events: [],
    retries: [],
  },
  {
    rule: 'drops an unfinished block at the end of the stream',
    stream: 'data: a\n\ndata: b\n',
    events: [event('a')],
  },
  {
    rule: 'drops an unterminated last line at the end of the stream',
    stream: 'data: a\n\ndata: b\n\ndata: c',
    events: [event('a'), event('b')],
  },
  {
    rule: 'does not apply the id of an unfinished block',
    stream: 'id: 1\ndata: a\n\nid: 2\ndata: b\n',
    events: [event('a', { id: '1' })],
    lastEventId: '1',
  },
  {
    rule: 'decodes UTF-8 across multibyte characters',
    stream: 'data: €uro 😀 ünï\n\n',
    events: [event('€uro 😀 ünï')],
  },
  {
    rule: 'replaces invalid UTF-8 bytes with U+FFFD',
    stream: bytes('data: a', [0xff, 0xc3], 'b', [0xe2, 0x82], '\n\n'),
    events: [event('a\uFFFD\uFFFDb\uFFFD')],
  },
  {
    // Node's decoder copies mostly-ASCII chunks byte for byte and decodes only the blocks that
    // hold other bytes, when there are fewer than one in 2 KiB: these streams are that sparse.
    rule: 'decodes a few non-ASCII characters among much ASCII, wherever the chunks are cut',
    stream: `data: ${'a'.repeat(5000)}é${'b'.repeat(5000)}\nid: 日\n\ndata: ${'c'.repeat(2000)}😀\n\n`,
    events: [
      event(`${'a'.repeat(5000)}é${'b'.repeat(5000)}`, { id: '日' }),
      event(`${'c'.repeat(2000)}😀`, { lastEventId: '日' }),
    ],
  },
  {
    rule: 'replaces invalid bytes among much ASCII with U+FFFD',
    stream: bytes(
      `data: ${'a'.repeat(6000)}`,
      [0xff],
      'b',
      [0xe2, 0x82],
      `${'c'.repeat(6000)}\n\n`,
    ),
    events: [event(`${'a'.repeat(6000)}\uFFFDb\uFFFD${'c'.repeat(6000)}`)],
  },
  {
    rule: 'decodes text that turns from mostly non-ASCII to ASCII and back',
    stream: `data: ${'東京'.repeat(20)}\n\ndata: ${'x'.repeat(700)}\n\ndata: ${'ü'.repeat(30)}\n\n`,
    events: [event('東京'.repeat(20)), event('x'.repeat(700)), event('ü'.repeat(30))],
  },
  {
    rule: 'keeps NUL and other control characters in data',
    stream: 'data: a\u0000b\u0001\n\n',
    events: [event('a\u0000b\u0001')],
  },
]
