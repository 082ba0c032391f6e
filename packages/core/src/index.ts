// The public API of @rivulet/core, and only it.

// parse/: the spec-exact incremental event-stream parser
export { createParser, ParseError } from './parse'
export type { EventStreamParser, ParseErrorType, ParserOptions, ServerSentEvent } from './parse'

// stream/: the typed, shared, reconnecting event stream, and the features it takes as imports
// (each a separate import, so an app ships only those it names)
export {
  acrossTabs,
  createEventStream,
  inStorage,
  pageLifecycle,
  eventListStore,
  eventReducerStore,
  eventStreamStatusStore,
  eventStreamStore,
} from './stream'
export type {
  AnyEventStream,
  CloseReason,
  Decoder,
  EventMap,
  EventsOf,
  EventStream,
  EventStreamOptions,
  EventStreamSnapshot,
  EventType,
  LastEventIdStorage,
  Lifecycle,
  LifecycleControls,
  MaybeAsync,
  PageLifecycleOptions,
  PauseReason,
  Persisted,
  Persistence,
  SchemaMap,
  Sharing,
  StreamEvent,
  StreamState,
  StreamStatus,
  Store,
  StreamUrl,
  UnauthorizedHandler,
} from './stream'

// errors.ts: every error a stream reports, one union discriminated by `kind`
export { isStreamError } from './errors'
export type {
  ConnectionError,
  ContentTypeError,
  DecodeError,
  EventSourceError,
  GaveUpError,
  HttpError,
  NetworkError,
  RequestError,
  StreamError,
  TimeoutError,
  ValidationError,
  StreamErrorKind,
  StreamParseError,
} from './errors'

// retry/: the reconnection policy and its pure backoff
export {
  defaultRetryPolicy,
  isRetryableStatus,
  nextDelay,
  parseRetryAfter,
  shouldRetryByDefault,
} from './retry'
export type { RetryContext, RetryPolicy } from './retry'

// transport/: fetch streaming and native EventSource behind one interface
export { eventSourceTransport, fetchTransport } from './transport'
export type {
  Credentials,
  EventSourceConstructor,
  EventSourceLike,
  EventSourceTransportOptions,
  FetchTransportOptions,
  HeadersInput,
  RequestBody,
  Transport,
  TransportMessage,
  TransportRequest,
} from './transport'
