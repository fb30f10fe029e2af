/**
 * A sync transport that breaks on purpose: it wraps the real one (supabase-js RPC against the local
 * stack) and, per round trip, goes offline, loses the server's answer after the server committed,
 * or "kills the tab" (the call never settles, so the runner that made it is dropped, as when a
 * phone closes the app mid-batch).
 */
import {
  TransportError,
  type Cursor,
  type PullPage,
  type PushMutation,
  type PushResult,
  type SyncTransport,
} from '../../src/sync/transport.ts';

/** What happens to one round trip. */
export type Fault =
  /** Goes through. */
  | 'ok'
  /** Never reaches the server: a retryable TransportError, as fetch gives without network. */
  | 'offline'
  /** The server commits, the answer is lost on the way back (a retryable TransportError). */
  | 'drop-ack'
  /** Push only: the server answers for none of the mutations (an empty result list). */
  | 'unanswered'
  /** The tab dies before the request leaves: the call never settles. */
  | 'kill-before'
  /** The tab dies after the server committed: the call never settles. */
  | 'kill-after';

export interface Call {
  kind: 'push' | 'pull';
  /** Push only. */
  mutations?: PushMutation[];
}

/** A push the server really answered (whether or not the answer reached the device), in order. */
export interface ServerPush {
  clientId: string;
  mutations: PushMutation[];
  results: PushResult[];
  fault: Fault;
}

export class TabKilled extends Error {
  constructor() {
    super('tab killed mid-sync');
  }
}

const never = <T>(): Promise<T> => new Promise<T>(() => undefined);

export class FaultyTransport implements SyncTransport {
  /** Offline: every call fails before reaching the server, whatever `decide` says. */
  online = true;
  /** Decides each call's fate (only consulted while online). */
  decide: (call: Call) => Fault = () => 'ok';
  /** Runs before each call, e.g. to let the person save something while a round is under way. */
  before: (call: Call) => Promise<void> | void = () => undefined;
  /**
   * Every push the server answered, in the order it answered them. Devices may share one journal,
   * so a test can replay the server's order of application across devices.
   */
  readonly served: ServerPush[];
  /** Faults injected, by kind. */
  readonly injected: Record<Fault, number> = {
    ok: 0,
    offline: 0,
    'drop-ack': 0,
    unanswered: 0,
    'kill-before': 0,
    'kill-after': 0,
  };
  private onKill: (() => void)[] = [];

  constructor(
    private readonly inner: SyncTransport,
    served: ServerPush[] = [],
  ) {
    this.served = served;
  }

  /**
   * Runs one sync round and returns what it returned, or TabKilled when a call killed the tab;
   * the round's promise is then abandoned for good, like the JavaScript of a closed tab.
   */
  async run<T>(round: () => Promise<T>): Promise<T | TabKilled> {
    let killed!: () => void;
    const kill = new Promise<TabKilled>((resolve) => (killed = () => resolve(new TabKilled())));
    this.onKill.push(killed);
    try {
      return await Promise.race([round(), kill]);
    } finally {
      this.onKill = this.onKill.filter((k) => k !== killed);
    }
  }

  private fate(call: Call): Fault {
    const fault = this.online ? this.decide(call) : 'offline';
    this.injected[fault]++;
    return fault;
  }

  private die<T>(): Promise<T> {
    for (const k of this.onKill) k();
    return never<T>();
  }

  async push(clientId: string, mutations: PushMutation[]): Promise<PushResult[]> {
    await this.before({ kind: 'push', mutations });
    const fault = this.fate({ kind: 'push', mutations });
    if (fault === 'offline') throw new TransportError('Failed to fetch (offline)', true, 0);
    if (fault === 'kill-before') return this.die();
    if (fault === 'unanswered') return [];
    const results = await this.inner.push(clientId, mutations);
    this.served.push({ clientId, mutations, results, fault });
    if (fault === 'drop-ack') {
      throw new TransportError('connection reset after the server committed', true, 0);
    }
    if (fault === 'kill-after') return this.die();
    return results;
  }

  async fetch(
    refs: { table: string; id: string }[],
  ): Promise<{ table: string; row: Record<string, unknown> }[]> {
    await this.before({ kind: 'pull' });
    const fault = this.fate({ kind: 'pull' });
    if (fault === 'offline') throw new TransportError('Failed to fetch (offline)', true, 0);
    if (fault === 'kill-before') return this.die();
    const rows = await this.inner.fetch(refs);
    if (fault === 'drop-ack') throw new TransportError('connection reset mid-answer', true, 0);
    if (fault === 'kill-after') return this.die();
    return rows;
  }

  async pull(cursor: Cursor | null, limit: number): Promise<PullPage> {
    await this.before({ kind: 'pull' });
    const fault = this.fate({ kind: 'pull' });
    if (fault === 'offline') throw new TransportError('Failed to fetch (offline)', true, 0);
    if (fault === 'kill-before') return this.die();
    const page = await this.inner.pull(cursor, limit);
    if (fault === 'drop-ack') throw new TransportError('connection reset mid-answer', true, 0);
    if (fault === 'kill-after') return this.die();
    return page;
  }
}
