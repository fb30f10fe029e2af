import { describe, expect, it } from 'vitest';
import { createSyncScheduler, type SchedulerDeps } from './scheduler.ts';
import { TransportError } from './transport.ts';

/** A scheduler with a fake clock: timers are recorded, not waited for. */
function harness(run: () => Promise<unknown>, overrides: Partial<SchedulerDeps> = {}) {
  const timers: number[] = [];
  let online = true;
  let lockFree = true;
  const scheduler = createSyncScheduler({
    run,
    withLock: async (fn) => {
      if (!lockFree) return false;
      await fn();
      return true;
    },
    isOnline: () => online,
    setTimer: (_fn, ms) => {
      timers.push(ms);
      return () => undefined;
    },
    random: () => 1,
    intervalMs: 60_000,
    ...overrides,
  });
  return {
    scheduler,
    timers,
    setOnline: (v: boolean) => (online = v),
    setLockFree: (v: boolean) => (lockFree = v),
  };
}

describe('sync scheduler', () => {
  it('never runs two rounds at once, and runs one more after asks during a round', async () => {
    let active = 0;
    let maxActive = 0;
    let rounds = 0;
    const { scheduler } = harness(async () => {
      active++;
      maxActive = Math.max(maxActive, active);
      await new Promise((r) => setTimeout(r, 5));
      rounds++;
      active--;
    });
    await Promise.all([
      scheduler.trigger('start'),
      scheduler.trigger('online'),
      scheduler.trigger('manual'),
    ]);
    expect(maxActive).toBe(1);
    expect(rounds).toBe(2);
  });

  it('backs off exponentially on network failures and returns to the interval after success', async () => {
    let fail = true;
    const { scheduler, timers } = harness(async () => {
      if (fail) throw new TransportError('offline', true, 0);
    });
    for (let i = 0; i < 4; i++) await scheduler.trigger('interval');
    expect(timers).toEqual([2_000, 4_000, 8_000, 16_000]);
    expect(scheduler.failures()).toBe(4);
    fail = false;
    await scheduler.trigger('online');
    expect(timers.at(-1)).toBe(60_000);
    expect(scheduler.failures()).toBe(0);
  });

  it('caps the backoff', async () => {
    const { scheduler, timers } = harness(
      async () => {
        throw new TransportError('offline', true, 0);
      },
      { maxBackoffMs: 10_000 },
    );
    for (let i = 0; i < 8; i++) await scheduler.trigger('interval');
    expect(Math.max(...timers)).toBe(10_000);
  });

  it('stops retrying on its own when waiting cannot help (signed out)', async () => {
    const { scheduler, timers } = harness(async () => {
      throw new TransportError('JWT expired', false, 401);
    });
    await scheduler.trigger('start');
    expect(timers).toEqual([]);
  });

  it('does nothing offline, and leaves the round to the tab that holds the lock', async () => {
    let rounds = 0;
    const h = harness(async () => {
      rounds++;
    });
    h.setOnline(false);
    await h.scheduler.trigger('start');
    expect(rounds).toBe(0);
    h.setOnline(true);
    h.setLockFree(false);
    await h.scheduler.trigger('visible');
    expect(rounds).toBe(0);
    expect(h.timers).toEqual([60_000]);
  });
});
