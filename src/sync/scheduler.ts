import { TransportError } from './transport.ts';

/** Why a sync round starts; shown in logs and tests. */
export type SyncReason =
  'start' | 'online' | 'visible' | 'interval' | 'background' | 'manual' | 'write';

export interface SchedulerDeps {
  /** One sync round (push, photos, pull). */
  run: () => Promise<unknown>;
  /**
   * Runs `fn` while holding the cross-tab sync lock, or returns false without running it when
   * another tab holds it (Web Locks `ifAvailable`).
   */
  withLock: (fn: () => Promise<void>) => Promise<boolean>;
  isOnline: () => boolean;
  setTimer: (fn: () => void, ms: number) => () => void;
  random: () => number;
  /** Pause between rounds when all is well (ms). */
  intervalMs?: number;
  /** Longest pause after repeated failures (ms). */
  maxBackoffMs?: number;
}

export interface SyncScheduler {
  /** Asks for a round now; rounds never overlap, and asks during a round run one more after it. */
  trigger: (reason: SyncReason) => Promise<void>;
  stop: () => void;
  /** Consecutive failed rounds (0 when the last one worked). */
  failures: () => number;
}

/**
 * Decides when to sync: on the triggers the platform reports, on an interval, and after failures
 * with exponential backoff and jitter (so a hundred phones coming back online do not all knock at
 * once). A failure that waiting will not fix (signed out) stops the interval until a trigger.
 */
export function createSyncScheduler(deps: SchedulerDeps): SyncScheduler {
  const interval = deps.intervalMs ?? 60_000;
  const maxBackoff = deps.maxBackoffMs ?? 15 * 60_000;
  let running: Promise<void> | undefined;
  let again = false;
  let failures = 0;
  let cancelTimer: (() => void) | undefined;
  let stopped = false;

  const schedule = (ms: number) => {
    cancelTimer?.();
    if (!stopped) cancelTimer = deps.setTimer(() => void trigger('interval'), ms);
  };

  const round = async () => {
    if (!deps.isOnline()) return; // the 'online' event brings us back
    let ok = true;
    let retryable = true;
    const ran = await deps.withLock(async () => {
      try {
        await deps.run();
      } catch (e) {
        ok = false;
        retryable = !(e instanceof TransportError) || e.retryable;
      }
    });
    if (!ran) {
      schedule(interval); // another tab syncs; look again later
      return;
    }
    if (ok) {
      failures = 0;
      schedule(interval);
    } else if (retryable) {
      failures++;
      const backoff = Math.min(maxBackoff, 2_000 * 2 ** Math.min(failures - 1, 20));
      schedule(backoff * (0.5 + deps.random() * 0.5));
    } else {
      failures++;
      cancelTimer?.();
    }
  };

  const trigger = async (_reason: SyncReason): Promise<void> => {
    if (stopped) return;
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      do {
        again = false;
        await round();
      } while (again && !stopped);
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  return {
    trigger,
    stop: () => {
      stopped = true;
      cancelTimer?.();
    },
    failures: () => failures,
  };
}
