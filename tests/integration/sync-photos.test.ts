import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { createPhotoStorage } from '../../src/platform/photo-storage.ts';
import type { PhotoStorage } from '../../src/sync/photos.ts';
import { createObservation } from '../../src/sync/records.ts';
import { DEMO, clientAs, useSuperuser } from '../support/clients.ts';
import { Device, Rng } from '../support/sync-device.ts';

const stack = inject('stack');
const SMEDERIJEN = '0a000000-0000-4000-8000-000000000031';
const db = useSuperuser(stack);

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

/** Real Storage whose uploads are cut at a random point: part of the bytes arrive, then an error. */
function cuttingStorage(real: PhotoStorage, rng: Rng, cuts: { n: number }): PhotoStorage {
  const cutting =
    <T>(send: (p: string, blob: Blob, type: string) => Promise<T>) =>
    async (p: string, blob: Blob, type: string): Promise<T> => {
      if (rng.chance(0.5)) {
        cuts.n++;
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const cut = rng.int(1, bytes.length - 1);
        await send(p, new Blob([bytes.slice(0, cut)], { type }), type);
        throw new Error(`connection cut after ${cut} of ${bytes.length} bytes`);
      }
      return send(p, blob, type);
    };
  return { size: real.size, create: cutting(real.create), replace: cutting(real.replace) };
}

async function filesUnder(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out;
}

describe('photos cut mid-upload', () => {
  it('are each stored once and whole; no record points at a missing file; no orphaned files', async () => {
    const rng = new Rng(118);
    const device = new Device(stack, DEMO.smederij);
    await device.syncUntilDone();
    const real = createPhotoStorage(clientAs(stack, DEMO.smederij));
    const cuts = { n: 0 };
    const storage = cuttingStorage(real, rng, cuts);
    const photos = new Map<string, string>(); // attachment id → sha256 of the bytes
    for (let i = 0; i < 8; i++) {
      const bytes = new Uint8Array(rng.int(2_000, 40_000)).map(() => rng.int(0, 255));
      bytes.set([0xff, 0xd8, 0xff, 0xe0]);
      const id = await createObservation(
        device.ctx,
        {
          category_code: 'heel.bestrating',
          severity: 3,
          description: `foto-test ${i}`,
          location: '(6.47908,52.72469)',
          accuracy_m: 5,
          neighbourhood_code: 'BU01185000',
        },
        [
          {
            organisationId: SMEDERIJEN,
            blob: new Blob([bytes], { type: 'image/jpeg' }),
            width: 10,
            height: 10,
          },
        ],
      );
      const [attachment] = await device.db.attachments
        .where('[record_table+record_id]')
        .equals(['observations', id])
        .toArray();
      photos.set(attachment!.id, sha(bytes));
    }
    for (
      let round = 0;
      round < 40 && (await device.db.photos.where('uploaded').equals(0).count()) > 0;
      round++
    ) {
      await device.sync({ photos: { storage, ctx: device.ctx } }).catch(() => undefined);
    }
    await device.sync({ photos: { storage: real, ctx: device.ctx } });
    expect(cuts.n).toBeGreaterThan(0);

    const { rows } = await db.query<{
      id: string;
      storage_path: string;
      bytes: number;
      uploaded_at: Date | null;
    }>(`select id, storage_path, bytes, uploaded_at from attachments where id = any ($1::uuid[])`, [
      [...photos.keys()],
    ]);
    expect(rows).toHaveLength(photos.size);
    const dir = path.join(stack.dataDir, 'storage', 'photos');
    for (const row of rows) {
      expect(row.uploaded_at).not.toBeNull();
      const stored = await readFile(path.join(dir, row.storage_path));
      expect(sha(stored), row.storage_path).toBe(photos.get(row.id));
    }
    // Every file in the bucket belongs to an attachment row (no orphans, no leftovers of cuts).
    const files = await filesUnder(dir);
    const { rows: known } = await db.query<{ storage_path: string }>(
      `select storage_path from attachments where storage_path = any ($1::text[])`,
      [files],
    );
    expect(files.filter((f) => !known.some((k) => k.storage_path === f))).toEqual([]);
    const { rows: objects } = await db.query<{ n: number }>(
      `select count(*)::int as n from storage.objects where bucket_id = 'photos' and name = any ($1::text[])`,
      [[...rows.map((r) => r.storage_path)]],
    );
    expect(objects[0]!.n).toBe(photos.size);
    expect(await device.db.outbox.count()).toBe(0);
    device.close();
  });
});
