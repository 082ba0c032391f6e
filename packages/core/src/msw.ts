// @rivulet/core/msw: an msw `sse()` handler a test scripts. Its own entry point, so that
// `@rivulet/core/testing` never needs msw installed.
export { sseHandler } from './testing/sse-handler'
export type { SseConnection, SseHandler } from './testing/sse-handler'
