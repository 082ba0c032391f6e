// @rivulet/core/testing: what tests of apps built on Rivulet need, and only that.
export { fakeTransport } from './testing/fake-transport'
export type { FakeConnection, FakeHttpFailure, FakeTransport } from './testing/fake-transport'
