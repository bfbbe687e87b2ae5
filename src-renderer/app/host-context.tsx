import { createContext, useContext, type ReactNode } from 'react';
import type { HostClient } from '../host/client';

const HostContext = createContext<HostClient | null>(null);

export function HostProvider({ host, children }: { host: HostClient; children: ReactNode }) {
  return <HostContext.Provider value={host}>{children}</HostContext.Provider>;
}

export function useHost(): HostClient {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostProvider');
  return host;
}
