/**
 * The soak workload: a few devices, each its own user, work on shared observations for thousands
 * of seeded random steps while their network flaps and their tabs get killed. Everything random
 * comes from one seed, so a failing run replays.
 *
 * The workload avoids conflicts the protocol settles by rejecting (an edit of a record another
 * device deleted), so that every mutation must end up applied: a record is only deleted by its
 * creator, only when no other device has touched it, and nobody touches it afterwards.
 */
import { TransportError } from '../../src/sync/transport.ts';
import { deleteRecord, insertRecord, updateRecord } from '../../src/sync/writes.ts';
import { pointText, PLACE } from './actors.ts';
import { TabKilled, type Call, type Fault, type ServerPush } from './faulty-transport.ts';
import { Device, Rng } from './sync-device.ts';
import type { TestStack } from './stack-setup.ts';

export type SoakRole = 'gemeente' | 'smederij' | 'corporatie';

export interface SoakOptions {
  seed: number;
  /** Mutations in all (inserts, updates, deletes, events), across devices. */
  mutations: number;
  /** Online/offline toggles in all, across devices. */
  flaps: number;
  users: { userId: string; role: SoakRole }[];
}

interface SoakRecord {
  id: string;
  creator: number;
  sensitive: boolean;
  /** Devices that changed it or commented on it. */
  editors: Set<number>;
  deleted: boolean;
}

export interface SoakStats {
  steps: number;
  mutations: number;
  inserts: number;
  updates: number;
  deletes: number;
  events: number;
  flaps: number;
  rounds: number;
  failedRounds: number;
  kills: number;
  restarts: number;
}

const CATEGORIES = [
  'schoon.zwerfafval',
  'schoon.graffiti',
  'heel.verlichting',
  'heel.bestrating',
  'veilig.verkeer',
  'groen.onderhoud',
];
/** All in the wijken of the Smederijen team (50 and 51), so the team may edit each of them. */
const PLACES = [PLACE.centrum, PLACE.krakeel, PLACE.kinholt];

export class Soak {
  readonly rng: Rng;
  /** Every push the server answered, across devices, in the order the server applied them. */
  readonly journal: ServerPush[] = [];
  readonly devices: Device[];
  readonly records: SoakRecord[] = [];
  readonly events: { id: string; creator: number }[] = [];
  /** Per device: every outbox entry it ever queued (the mutations the server must apply). */
  readonly queued: Set<string>[];
  readonly stats: SoakStats = {
    steps: 0,
    mutations: 0,
    inserts: 0,
    updates: 0,
    deletes: 0,
    events: 0,
    flaps: 0,
    rounds: 0,
    failedRounds: 0,
    kills: 0,
    restarts: 0,
  };
  private readonly known: Set<string>[];
  private readonly online: boolean[];

  constructor(
    stack: TestStack,
    readonly options: SoakOptions,
  ) {
    this.rng = new Rng(options.seed);
    this.devices = options.users.map(
      (u) => new Device(stack, u.userId, { batchSize: 100, journal: this.journal }),
    );
    this.queued = this.devices.map(() => new Set());
    this.known = this.devices.map(() => new Set());
    this.online = this.devices.map(() => true);
    for (const d of this.devices) d.transport.decide = (call) => this.fault(call);
  }

  private role(d: number): SoakRole {
    return this.options.users[d]!.role;
  }

  /** The RLS rules, as far as this workload needs them. */
  private sees(d: number, r: SoakRecord): boolean {
    return this.role(d) !== 'corporatie' || !r.sensitive || r.creator === d;
  }

  private mayEdit(d: number, r: SoakRecord): boolean {
    return this.role(d) !== 'corporatie' || r.creator === d;
  }

  /** What the network does to one round trip while the device is online. */
  private fault(call: Call): Fault {
    const r = this.rng.next();
    if (call.kind === 'push') {
      if (r < 0.05) return 'drop-ack';
      if (r < 0.07) return 'kill-before';
      if (r < 0.09) return 'kill-after';
      if (r < 0.12) return 'offline';
      return 'ok';
    }
    if (r < 0.01) return 'kill-before';
    if (r < 0.02) return 'drop-ack';
    if (r < 0.04) return 'offline';
    return 'ok';
  }

  /** Runs the random steps until both the mutations and the flaps are done. */
  async run(): Promise<void> {
    const { mutations, flaps } = this.options;
    // Everyone starts with a full download.
    for (const [d, device] of this.devices.entries()) {
      device.transport.decide = () => 'ok';
      await device.syncUntilDone();
      device.transport.decide = (call) => this.fault(call);
      await this.refreshKnown(d);
    }
    while (this.stats.mutations < mutations || this.stats.flaps < flaps) {
      this.stats.steps++;
      const d = this.rng.int(0, this.devices.length - 1);
      const r = this.rng.next();
      if (r < 0.085 && this.stats.flaps < flaps) {
        this.stats.flaps++;
        this.online[d] = !this.online[d];
        this.devices[d]!.transport.online = this.online[d]!;
        // The 'online' event starts a round.
        if (this.online[d]) await this.round(d);
      } else if (r < 0.135) {
        if (this.online[d]) await this.round(d);
      } else if (r < 0.138) {
        // The app is closed and opened again while idle.
        this.stats.restarts++;
        this.devices[d]!.restart();
      } else if (this.stats.mutations < mutations) {
        await this.mutate(d);
        this.stats.mutations++;
      }
    }
  }

  /** Last reconnect: every device online without faults, two rounds each (push, then catch up). */
  async reconnectAll(): Promise<void> {
    for (const device of this.devices) {
      device.transport.online = true;
      device.transport.decide = () => 'ok';
    }
    for (let pass = 0; pass < 2; pass++) {
      for (const [d, device] of this.devices.entries()) {
        await this.noteQueued(d);
        await device.syncUntilDone();
      }
    }
  }

  private async noteQueued(d: number): Promise<void> {
    const ids = await this.devices[d]!.db.outbox.toCollection().primaryKeys();
    for (const id of ids) this.queued[d]!.add(String(id));
  }

  /** One sync round as the scheduler would start it; a killed tab restarts from IndexedDB. */
  private async round(d: number): Promise<void> {
    const device = this.devices[d]!;
    // Entries leave the outbox only once applied, so noting them before each round sees them all.
    await this.noteQueued(d);
    this.stats.rounds++;
    try {
      const report = await device.sync();
      if (report instanceof TabKilled) {
        this.stats.kills++;
        device.restart();
        return;
      }
      await this.refreshKnown(d);
    } catch (e) {
      if (!(e instanceof TransportError) || !e.retryable) throw e;
      this.stats.failedRounds++;
    }
  }

  /** Which records of others have reached this device (only those it may pick from). */
  private async refreshKnown(d: number): Promise<void> {
    const known = this.known[d]!;
    const candidates = this.records
      .filter((r) => !r.deleted && !known.has(r.id) && this.sees(d, r))
      .map((r) => r.id);
    if (!candidates.length) return;
    const rows = await this.devices[d]!.db.observations.bulkGet(candidates);
    rows.forEach((row, i) => row && known.add(candidates[i]!));
  }

  /** A record this device may act on: known here, not deleted; recent ones more often. */
  private pickRecord(d: number, ok: (r: SoakRecord) => boolean): SoakRecord | undefined {
    const n = this.records.length;
    for (let tries = 0; tries < 12 && n; tries++) {
      const i = this.rng.chance(0.5)
        ? n - 1 - this.rng.int(0, Math.min(n, 150) - 1)
        : this.rng.int(0, n - 1);
      const r = this.records[i]!;
      if (!r.deleted && this.known[d]!.has(r.id) && ok(r)) return r;
    }
    return undefined;
  }

  private async mutate(d: number): Promise<void> {
    const device = this.devices[d]!;
    const { ctx } = device;
    ctx.tick(this.rng.int(200, 5_000));
    const r = this.rng.next();
    if (r >= 0.45 && r < 0.75) {
      const rec = this.pickRecord(d, (x) => this.mayEdit(d, x));
      if (rec) {
        const changes: Record<string, unknown> = {};
        if (this.rng.chance(0.6)) changes.severity = this.rng.int(1, 5);
        if (this.rng.chance(0.4)) changes.description = `soak ${rec.id} e${this.stats.steps}`;
        if (!Object.keys(changes).length || this.rng.chance(0.3))
          changes.accuracy_m = this.rng.int(1, 50);
        await updateRecord(ctx, 'observations', rec.id, changes);
        rec.editors.add(d);
        this.stats.updates++;
        return;
      }
    } else if (r >= 0.75 && r < 0.85) {
      const rec = this.pickRecord(
        d,
        (x) => x.creator === d && x.editors.size === 1 && x.editors.has(d),
      );
      if (rec) {
        await deleteRecord(ctx, 'observations', rec.id);
        rec.deleted = true;
        this.stats.deletes++;
        return;
      }
    } else if (r >= 0.85) {
      const rec = this.pickRecord(d, () => true);
      if (rec) {
        const id = await insertRecord(ctx, 'observation_events', {
          observation_id: rec.id,
          kind: 'comment',
          body: `soak comment ${this.stats.steps}`,
        });
        rec.editors.add(d);
        this.events.push({ id, creator: d });
        this.stats.events++;
        return;
      }
    }
    const sensitive = this.rng.chance(0.1);
    const id = await insertRecord(ctx, 'observations', {
      category_code: sensitive ? 'sociaal.zorgsignaal' : this.rng.pick(CATEGORIES),
      severity: this.rng.int(1, 5),
      description: `soak d${d} #${this.stats.steps}`,
      location: pointText(this.rng.pick(PLACES)),
    });
    const rec = { id, creator: d, sensitive, editors: new Set([d]), deleted: false };
    this.records.push(rec);
    this.known[d]!.add(id);
    this.stats.inserts++;
  }

  /**
   * The server's state as it must be: the journal's applied (not duplicate) mutations replayed in
   * the order the server applied them, last writer wins per field.
   */
  expectedObservations(): Map<string, Record<string, unknown> & { deleted: boolean }> {
    const model = new Map<string, Record<string, unknown> & { deleted: boolean }>();
    for (const push of this.journal) {
      push.mutations.forEach((m, i) => {
        const result = push.results.find((r) => r.id === m.id) ?? push.results[i];
        if (m.table !== 'observations' || result?.status !== 'applied' || result.duplicate) return;
        const current = model.get(m.record_id);
        if (m.op === 'insert') model.set(m.record_id, { ...m.values, deleted: false });
        else if (current && m.op === 'update') Object.assign(current, m.values);
        else if (current && m.op === 'delete') current.deleted = true;
      });
    }
    return model;
  }

  close(): void {
    for (const d of this.devices) d.close();
  }
}
