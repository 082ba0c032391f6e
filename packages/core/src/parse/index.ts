export { createParser } from './parser'
export { ParseError } from './parse-error'
export type { ParseErrorType } from './parse-error'
export type { EventStreamParser, ParserOptions, ServerSentEvent } from './types'
