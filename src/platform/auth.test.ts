import type { SupabaseClient } from '@supabase/supabase-js';
import { afterEach, expect, test, vi } from 'vitest';
import { createAuthPort } from './auth.ts';

type Listener = (event: string, session: { user: { id: string; email: string } } | null) => void;

/** The parts of supabase-js's auth client the port uses, recording what it is asked. */
function fakeClient() {
  const listeners = new Set<Listener>();
  const auth = {
    onAuthStateChange: vi.fn((listener: Listener) => {
      listeners.add(listener);
      return { data: { subscription: { unsubscribe: () => listeners.delete(listener) } } };
    }),
    signInWithPassword: vi.fn(() => Promise.resolve({ error: null })),
  };
  const emit: Listener = (event, session) => listeners.forEach((l) => l(event, session));
  return { client: { auth } as unknown as SupabaseClient, auth, listeners, emit };
}

afterEach(() => {
  vi.useRealTimers();
});

test('the first screen needs no client: it loads after the first paint', async () => {
  vi.useFakeTimers();
  const fake = fakeClient();
  const load = vi.fn(() => Promise.resolve(fake.client));
  const port = createAuthPort(load);
  const seen: unknown[] = [];
  port.onChange((user) => seen.push(user));
  expect(port.currentUser()).toBeNull();
  expect(load).not.toHaveBeenCalled();

  // No frames in Node: the fallback timer stands in for the first paint.
  await vi.advanceTimersByTimeAsync(1000);
  expect(load).toHaveBeenCalledTimes(1);
  fake.emit('SIGNED_IN', { user: { id: 'u1', email: 'a@example.com' } });
  expect(seen).toEqual([{ id: 'u1', email: 'a@example.com' }]);
});

test('unsubscribing before the client arrives leaves no listener behind', async () => {
  vi.useFakeTimers();
  const fake = fakeClient();
  const port = createAuthPort(() => Promise.resolve(fake.client));
  const unsubscribe = port.onChange(() => undefined);
  unsubscribe();
  await vi.advanceTimersByTimeAsync(1000);
  expect(fake.listeners.size).toBe(0);
});

test('signing in waits for the client and reports the outcome', async () => {
  const fake = fakeClient();
  const port = createAuthPort(() => Promise.resolve(fake.client));
  expect(await port.signInWithPassword('a@example.com', 'secret')).toEqual({ ok: true });
  expect(fake.auth.signInWithPassword).toHaveBeenCalledWith({
    email: 'a@example.com',
    password: 'secret',
  });
});

test('a client that cannot load is an unknown failure, not a crash', async () => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const port = createAuthPort(() => Promise.reject(new Error('chunk failed')));
  expect(await port.signInWithPassword('a@example.com', 'secret')).toEqual({
    ok: false,
    failure: 'unknown',
  });
});
