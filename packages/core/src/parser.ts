// @rivulet/core/parser: the spec-exact parser alone, without RxJS, for those who bring their own I/O.
export { createParser, ParseError } from './parse'
export type { EventStreamParser, ParseErrorType, ParserOptions, ServerSentEvent } from './parse'
