/** Why the parser stopped reading a stream. */
export type ParseErrorType = 'line-too-long' | 'event-too-large'

/** The one error the parser reports: the stream broke a memory limit. */
export class ParseError extends Error {
  override readonly name = 'ParseError'
  readonly type: ParseErrorType
  /** The limit that was exceeded, in UTF-16 code units. */
  readonly limit: number

  constructor(type: ParseErrorType, limit: number) {
    super(
      `event stream ${type === 'line-too-long' ? 'line' : 'data'} longer than ${limit} characters`,
    )
    this.type = type
    this.limit = limit
  }
}
