// The renderer's one door to the services. Chosen once at boot: Electron's preload bridge when the
// app runs on the desktop, a WebSocket to the local web host in browser mode and in e2e tests.
import type { EventName, EventPayload, In, Method, Out } from '../../src-main/contract';

export interface HostClient {
  readonly kind: 'electron' | 'web' | 'memory';
  invoke<M extends Method>(method: M, input: In<M>): Promise<Out<M>>;
  on<E extends EventName>(event: E, callback: (payload: EventPayload<E>) => void): () => void;
}
