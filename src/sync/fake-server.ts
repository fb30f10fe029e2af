import type { WritableTable } from './db.ts';
import {
  TransportError,
  type Cursor,
  type PullPage,
  type PushMutation,
  type PushResult,
  type SyncTransport,
} from './transport.ts';

type Row = Record<string, unknown> & { id: string; version: number };

/**
 * An in-memory stand-in for the server's sync protocol, for unit and property tests: exactly-once
 * per mutation id, field-wise updates, tombstones, and a change log in commit order. Faults can be
 * injected before the server commits (`failNext`) or after (`dropAckNext`: committed, answer lost).
 */
export class FakeServer {
  readonly rows = new Map<string, Row>();
  private readonly seen = new Map<string, PushResult>();
  private log: { seq: number; table: string; row: Row }[] = [];
  private seq = 0;
  /** Rejects mutations this returns a reason for (poison). */
  reject: (m: PushMutation) => string | undefined = () => undefined;
  failNext = 0;
  dropAckNext = 0;
  access = 'a1';

  transport(): SyncTransport {
    return {
      push: async (clientId, mutations) => {
        if (this.failNext > 0) {
          this.failNext--;
          throw new TransportError('network down', true, 0);
        }
        const results = mutations.map((m) => this.apply(clientId, m));
        if (this.dropAckNext > 0) {
          this.dropAckNext--;
          throw new TransportError('connection reset after commit', true, 0);
        }
        return results;
      },
      fetch: async (refs) =>
        refs.flatMap(({ table, id }) => {
          const row = this.rows.get(`${table}:${id}`);
          return row && this.visible(row) ? [{ table, row: { ...row } }] : [];
        }),
      pull: async (cursor, limit) => {
        if (this.failNext > 0) {
          this.failNext--;
          throw new TransportError('network down', true, 0);
        }
        return this.pull(cursor, limit);
      },
    };
  }

  private record(table: string, row: Row): void {
    this.log = this.log.filter((e) => !(e.table === table && e.row.id === row.id));
    this.log.push({ seq: ++this.seq, table, row: { ...row } });
  }

  private apply(clientId: string, m: PushMutation): PushResult {
    const key = `${clientId}:${m.id}`;
    const prior = this.seen.get(key);
    if (prior) return { ...prior, duplicate: true };
    const result = this.decide(m);
    this.seen.set(key, result);
    return result;
  }

  private decide(m: PushMutation): PushResult {
    const reason = this.reject(m);
    if (reason) return { id: m.id, status: 'rejected', code: reason, message: reason };
    const k = `${m.table}:${m.record_id}`;
    const current = this.rows.get(k);
    if (m.op === 'insert') {
      if (current) return { id: m.id, status: 'rejected', code: 'duplicate', message: 'exists' };
      const row: Row = { ...m.values, id: m.record_id, version: 1, deleted_at: null };
      this.rows.set(k, row);
      this.record(m.table, row);
    } else {
      if (!current) return { id: m.id, status: 'rejected', code: 'not_found', message: 'missing' };
      if (m.op === 'update' && current.deleted_at) {
        return { id: m.id, status: 'rejected', code: 'deleted', message: 'deleted' };
      }
      const next: Row =
        m.op === 'delete'
          ? { ...current, deleted_at: current.deleted_at ?? 'now', version: current.version + 1 }
          : { ...current, ...m.values, version: current.version + 1 };
      this.rows.set(k, next);
      this.record(m.table, next);
    }
    return { id: m.id, status: 'applied' };
  }

  private pull(cursor: Cursor | null, limit: number): PullPage {
    const after = cursor?.seq ?? 0;
    const page = this.log.filter((e) => e.seq > after).slice(0, limit);
    const last = page.at(-1);
    return {
      changes: page.map((e) => ({ table: e.table, row: { ...e.row } })),
      cursor: last ? { txid: '1', seq: last.seq } : cursor,
      has_more: page.length === limit,
      reset_required: false,
      access: this.access,
    };
  }

  /** The user loses access to everything there is (the rows stay, they are just not theirs). */
  revokeAll(): void {
    this.log = [];
    this.access = `${this.access}'`;
  }

  /** Rows the user may see; tests hide some with `hidden`. */
  readonly hidden = new Set<string>();
  private visible(row: Row): boolean {
    return !this.hidden.has(row.id);
  }

  /** A record moves out of the user's sight: the server notes the move, nothing else. */
  moveOutOfSight(table: string, id: string): void {
    this.hidden.add(id);
    this.log.push({ seq: ++this.seq, table: 'moved', row: { table, id } as unknown as Row });
  }

  /** Live (not deleted) rows of a table. */
  live(table: WritableTable): Row[] {
    return [...this.rows.entries()]
      .filter(([k, r]) => k.startsWith(`${table}:`) && !r.deleted_at)
      .map(([, r]) => r);
  }
}
