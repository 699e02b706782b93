// React context for the app's long-lived objects. The EngineApi is the only way the UI writes;
// the database is only read (useLiveQuery). bootstrap.ts is where the concrete ones are made.
import { createContext, type ReactNode, useContext } from 'react';
import type { EngineApi } from '../../../../packages/engine/src/engine-api';
import type { ParleyDatabase } from '../../../../packages/engine/src/store/database';
import type { EngineStatus } from '../engine/engine-status';
import type { InstallPrompt } from '../pwa/install-prompt';
import type { NotificationPort } from '../pwa/notifications';
import type { ServiceWorkerController } from '../pwa/service-worker';
import type { ApprovalQueue } from '../wallet/approval-queue';
import type { WalletDiscovery } from '../wallet/eip6963';

export interface AppServices {
  readonly db: ParleyDatabase;
  readonly engine: EngineApi;
  readonly engineStatus: EngineStatus;
  readonly discovery: WalletDiscovery;
  readonly approvals: ApprovalQueue;
  readonly installPrompt: InstallPrompt;
  readonly serviceWorker: ServiceWorkerController;
  readonly notifications: NotificationPort;
  /** The chain the built-in wallet reports (eth_chainId). */
  readonly chainId: number;
}

const ServicesContext = createContext<AppServices | null>(null);
const EngineContext = createContext<EngineApi | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return (
    <ServicesContext.Provider value={services}>
      <EngineContext.Provider value={services.engine}>{children}</EngineContext.Provider>
    </ServicesContext.Provider>
  );
}

export function useServices(): AppServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** The engine: every write the UI makes goes through it. */
export function useEngine(): EngineApi {
  const engine = useContext(EngineContext);
  if (!engine) throw new Error('useEngine outside ServicesProvider');
  return engine;
}

export function useDatabase(): ParleyDatabase {
  return useServices().db;
}
