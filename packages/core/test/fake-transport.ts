// The project's own tests use the test kit users get.
export { fakeTransport } from '../src/testing/fake-transport'
export type { FakeConnection, FakeTransport } from '../src/testing/fake-transport'
