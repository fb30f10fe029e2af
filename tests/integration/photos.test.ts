import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { createPhotoStorage } from '../../src/platform/photo-storage.ts';
import { DEMO, clientAs } from '../support/clients.ts';

const stack = inject('stack');
const SMEDERIJEN = '0a000000-0000-4000-8000-000000000031';
const KRAKEEL = '(6.51094,52.72407)';
const JPEG = new Uint8Array([
  0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46, 0, 1, 0xff, 0xd9,
]);

/** An observation by the Smederijen team with one photo, uploaded as its author (or not yet). */
async function observationWithPhoto(category: string, { upload = true } = {}) {
  const smederij = clientAs(stack, DEMO.smederij);
  const observation = randomUUID();
  const photo = randomUUID();
  const path = `${SMEDERIJEN}/${observation}/${photo}.jpg`;
  expect(
    (
      await smederij.from('observations').insert({
        id: observation,
        category_code: category,
        location: KRAKEEL,
        neighbourhood_code: 'BU01185003',
      })
    ).error,
  ).toBeNull();
  expect(
    (
      await smederij.from('attachments').insert({
        id: photo,
        record_table: 'observations',
        record_id: observation,
        organisation_id: SMEDERIJEN,
        storage_path: path,
        mime_type: 'image/jpeg',
        bytes: JPEG.byteLength,
      })
    ).error,
  ).toBeNull();
  if (upload) {
    const { error } = await smederij.storage
      .from('photos')
      .upload(path, JPEG, { contentType: 'image/jpeg' });
    expect(error).toBeNull();
  }
  return { observation, photo, path };
}

describe('photos in Storage follow the rules of their record', () => {
  it('lets the author upload, and whoever sees the record download', async () => {
    const { path } = await observationWithPhoto('schoon.graffiti');
    for (const who of [DEMO.smederij, DEMO.gemeente, DEMO.woonconcept]) {
      const { data, error } = await clientAs(stack, who).storage.from('photos').download(path);
      expect(error).toBeNull();
      expect(new Uint8Array(await data!.arrayBuffer())).toEqual(JPEG);
    }
  });

  it('keeps photos of sensitive observations from corporations and tenants', async () => {
    const { path } = await observationWithPhoto('sociaal.zorgsignaal');
    expect(
      (await clientAs(stack, DEMO.gemeente).storage.from('photos').download(path)).error,
    ).toBeNull();
    for (const who of [DEMO.woonconcept, DEMO.huurder]) {
      const { error } = await clientAs(stack, who).storage.from('photos').download(path);
      expect(error).not.toBeNull();
    }
  });

  it('keeps tenants from other people’s photos, even of observations shared with them', async () => {
    const { path } = await observationWithPhoto('schoon.zwerfafval');
    const { error } = await clientAs(stack, DEMO.huurder).storage.from('photos').download(path);
    expect(error).not.toBeNull();
  });

  it('refuses an upload without a matching attachment, or by someone else', async () => {
    const stray = `${SMEDERIJEN}/${randomUUID()}/${randomUUID()}.jpg`;
    const smederij = clientAs(stack, DEMO.smederij);
    const denied = await smederij.storage
      .from('photos')
      .upload(stray, JPEG, { contentType: 'image/jpeg' });
    expect(denied.error?.message).toMatch(/row-level security/);

    const { path } = await observationWithPhoto('schoon.graffiti');
    const overwrite = await clientAs(stack, DEMO.gemeente)
      .storage.from('photos')
      .upload(path, JPEG, { contentType: 'image/jpeg', upsert: true });
    expect(overwrite.error).not.toBeNull();
  });

  it('lets a retried upload of the same photo succeed (upsert by its author)', async () => {
    const { path } = await observationWithPhoto('heel.verlichting');
    const retry = await clientAs(stack, DEMO.smederij)
      .storage.from('photos')
      .upload(path, JPEG, { contentType: 'image/jpeg', upsert: true });
    expect(retry.error).toBeNull();
  });

  it('the app’s photo queue: creates a free path, finds a taken one without replacing it, then replaces', async () => {
    const storage = createPhotoStorage(clientAs(stack, DEMO.smederij));
    const jpeg = (n: number) => {
      const bytes = new Uint8Array(n);
      bytes.set(JPEG);
      return new Blob([bytes], { type: 'image/jpeg' });
    };
    const { path } = await observationWithPhoto('heel.verlichting', { upload: false });
    expect(await storage.create(path, jpeg(20), 'image/jpeg')).toBe('created');
    // Taken (Storage answers 400 with statusCode "409"): said so, and the object is left alone.
    expect(await storage.create(path, jpeg(30), 'image/jpeg')).toBe('exists');
    expect(await storage.size(path)).toBe(20);
    await storage.replace(path, jpeg(30), 'image/jpeg');
    expect(await storage.size(path)).toBe(30);
    // A missing object (400 with statusCode "404") has no size.
    expect(await storage.size(`${SMEDERIJEN}/${randomUUID()}/${randomUUID()}.jpg`)).toBeNull();
    // A refusal is an error, never "exists".
    const stray = `${SMEDERIJEN}/${randomUUID()}/${randomUUID()}.jpg`;
    await expect(storage.create(stray, jpeg(20), 'image/jpeg')).rejects.toThrow(
      /row-level security/,
    );
  });
});
