import type { HostClient } from './client';
import { electronHost, type AtelierBridge } from './electron';
import { rpcProtocols } from './token';
import { webSocketHost } from './websocket';

export function selectHost(onConnectionChange?: (connected: boolean) => void): HostClient {
  const bridge = (window as unknown as { atelier?: AtelierBridge }).atelier;
  if (bridge && typeof bridge.invoke === 'function') return electronHost(bridge);
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return webSocketHost({ url: `${scheme}//${location.host}/rpc`, protocols: rpcProtocols, onConnectionChange });
}
