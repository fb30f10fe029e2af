import { afterEach, expect, test, vi } from 'vitest';
import { once, whenPainted } from './startup.ts';

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

test('once shares one load between callers', async () => {
  const load = vi.fn(() => Promise.resolve('client'));
  const get = once(load);
  expect(await Promise.all([get(), get()])).toEqual(['client', 'client']);
  expect(await get()).toBe('client');
  expect(load).toHaveBeenCalledTimes(1);
});

test('once tries again after a failed load', async () => {
  const load = vi
    .fn<() => Promise<string>>()
    .mockRejectedValueOnce(new Error('offline'))
    .mockResolvedValueOnce('client');
  const get = once(load);
  await expect(get()).rejects.toThrow('offline');
  expect(await get()).toBe('client');
  expect(load).toHaveBeenCalledTimes(2);
});

test('whenPainted runs after the next frame, once', () => {
  vi.useFakeTimers();
  let frame: (() => void) | undefined;
  vi.stubGlobal('requestAnimationFrame', (fn: () => void) => (frame = fn));
  const fn = vi.fn();
  whenPainted(fn);
  vi.advanceTimersByTime(100);
  expect(fn).not.toHaveBeenCalled();
  frame?.();
  vi.advanceTimersByTime(0);
  expect(fn).toHaveBeenCalledTimes(1);
  vi.advanceTimersByTime(2000);
  expect(fn).toHaveBeenCalledTimes(1);
});

test('whenPainted still runs in a tab that gets no frames', () => {
  vi.useFakeTimers();
  vi.stubGlobal('requestAnimationFrame', () => 0);
  const fn = vi.fn();
  whenPainted(fn);
  vi.advanceTimersByTime(999);
  expect(fn).not.toHaveBeenCalled();
  vi.advanceTimersByTime(1);
  expect(fn).toHaveBeenCalledTimes(1);
});
