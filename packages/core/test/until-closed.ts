import { filter, firstValueFrom } from 'rxjs'
import type { Observable } from 'rxjs'
import type { StreamStatus } from '../src/stream'

/** Resolves with a stream's `closed` status, the first time it closes. */
export const untilClosed = (stream: { status$: Observable<StreamStatus> }) =>
  firstValueFrom(stream.status$.pipe(filter((status) => status.state === 'closed'))) as Promise<
    Extract<StreamStatus, { state: 'closed' }>
  >
