import {
  createContext,
  createEffect,
  createSignal,
  on,
  onCleanup,
  untrack,
  useContext,
  type Accessor,
  type JSX,
} from 'solid-js';
import type { DeviceSync } from '../../platform/sync.ts';
import type { SyncStatus } from '../../sync/status.ts';
import { useSession } from '../auth/index.ts';

/** Starts syncing a user's device data (src/platform/sync.ts in the app, a fake in tests). */
export type StartSync = (userId: string, onVersionChange: () => void) => Promise<DeviceSync>;

export interface SyncContextValue {
  /** The signed-in user's device data; undefined while signed out or opening. */
  device: Accessor<DeviceSync | undefined>;
  status: Accessor<SyncStatus | undefined>;
  /** A newer Buurtpeil in another tab upgraded the device database: this tab must reload. */
  reloadNeeded: Accessor<boolean>;
  syncNow: () => Promise<void>;
}

const SyncContext = createContext<SyncContextValue>();

/** Opens the device data of whoever is signed in, keeps it syncing, and shares its status. */
export function SyncProvider(props: { start: StartSync; children: JSX.Element }): JSX.Element {
  const { user } = useSession();
  const start = untrack(() => props.start);
  const [device, setDevice] = createSignal<DeviceSync>();
  const [status, setStatus] = createSignal<SyncStatus>();
  const [reloadNeeded, setReloadNeeded] = createSignal(false);

  createEffect(
    on(
      () => user()?.id,
      (userId) => {
        if (!userId) return;
        let cancelled = false;
        let stopWatching: (() => void) | undefined;
        let opened: DeviceSync | undefined;
        // status.ts brings Dexie; like `start`, it loads after the first screen (dynamic import).
        void Promise.all([
          start(userId, () => setReloadNeeded(true)),
          import('../../sync/status.ts'),
        ]).then(([d, { watchSyncStatus }]) => {
          if (cancelled) return d.stop();
          opened = d;
          setDevice(d);
          stopWatching = watchSyncStatus(d.db, setStatus);
        });
        onCleanup(() => {
          cancelled = true;
          stopWatching?.();
          opened?.stop();
          setDevice(undefined);
          setStatus(undefined);
        });
      },
    ),
  );

  const syncNow = async () => {
    await device()?.syncNow('manual');
  };

  return (
    <SyncContext.Provider value={{ device, status, reloadNeeded, syncNow }}>
      {props.children}
    </SyncContext.Provider>
  );
}

/** The sync state of the surrounding `SyncProvider`. */
export function useSync(): SyncContextValue {
  const value = useContext(SyncContext);
  if (!value) throw new Error('useSync() must be used inside <SyncProvider>');
  return value;
}
