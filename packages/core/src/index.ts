// The public API of @rivulet/core, and only it.

// parse/: the spec-exact incremental event-stream parser
export { createParser, ParseError } from './parse'
export type { EventStreamParser, ParseErrorType, ParserOptions, ServerSentEvent } from './parse'
