/**
 * No metadata leaves the phone (issue 7, item 1): photos carrying EXIF (GPS position, camera,
 * time), XMP and text chunks, as JPEG, PNG and WebP, go through the real capture path (the
 * observation form's file input, compressed in the page, stored in IndexedDB, uploaded by the
 * sync runner); the objects in Storage are read back from the stack's disk and their markers
 * and chunks parsed: pixels only.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useE2E, waitForRows, waitUntilAllSent } from '../support/e2e.ts';
import {
  HARMLESS,
  jpegWithMetadata,
  metadataIn,
  pngWithMetadata,
  webpWithMetadata,
} from '../support/image-metadata.ts';
import { NewObservationPage, ObservationListPage } from './pages/ObservationPages.ts';

const { stack, appUrl, db, openPhone, signIn } = useE2E();

describe('photo metadata', () => {
  test('EXIF GPS, camera and time, XMP and text chunks are gone from what Storage holds', async () => {
    const { page, context, problems } = await openPhone();
    await signIn(page, 'smederij');

    // Real images, encoded by the browser, then given metadata the way cameras and editors do.
    const encoded = await page.evaluate(async () => {
      const c = new OffscreenCanvas(320, 240);
      const g = c.getContext('2d')!;
      g.fillStyle = '#2a7f62';
      g.fillRect(0, 0, 320, 240);
      g.fillStyle = '#f4d35e';
      g.fillRect(40, 60, 120, 90);
      const bytes = async (type: string) => [
        ...new Uint8Array(await (await c.convertToBlob({ type, quality: 0.9 })).arrayBuffer()),
      ];
      return {
        jpeg: await bytes('image/jpeg'),
        png: await bytes('image/png'),
        webp: await bytes('image/webp'),
      };
    });
    const inputs = [
      {
        name: 'foto.jpg',
        mimeType: 'image/jpeg',
        buffer: jpegWithMetadata(Buffer.from(encoded.jpeg)),
      },
      {
        name: 'foto.png',
        mimeType: 'image/png',
        buffer: pngWithMetadata(Buffer.from(encoded.png)),
      },
      {
        name: 'foto.webp',
        mimeType: 'image/webp',
        buffer: webpWithMetadata(Buffer.from(encoded.webp), 320, 240),
      },
    ];
    // The inputs really carry it (so the check below can fail), and the browser still decodes them.
    expect(metadataIn(inputs[0]!.buffer)).toEqual(
      expect.arrayContaining(['APP1 Exif', 'EXIF GPS IFD pointer', 'APP1 XMP', 'COM']),
    );
    expect(metadataIn(inputs[1]!.buffer)).toEqual(
      expect.arrayContaining(['PNG tEXt', 'PNG zTXt', 'PNG iTXt', 'PNG eXIf']),
    );
    expect(metadataIn(inputs[2]!.buffer)).toEqual(
      expect.arrayContaining(['WebP EXIF', 'WebP XMP']),
    );
    for (const input of inputs) {
      const size = await page.evaluate(
        async ({ bytes, type }) => {
          const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type }));
          return [bitmap.width, bitmap.height];
        },
        { bytes: [...input.buffer], type: input.mimeType },
      );
      expect(size, input.name).toEqual([320, 240]);
    }

    const form = new NewObservationPage(page);
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await form.heading.waitFor();
    const description = `Metadata-test ${randomUUID().slice(0, 8)}`;
    await form.category.selectOption('heel.verlichting');
    await form.description.fill(description);
    await form.buurt.selectOption('BU01185000');
    await form.photos.setInputFiles(inputs);
    await form.save.click();
    await new ObservationListPage(page).card(description).waitFor();
    await waitUntilAllSent(page);

    const rows = await waitForRows<{ storage_path: string; mime_type: string; bytes: number }>(
      db,
      `select a.storage_path, a.mime_type, a.bytes from attachments a
       join observations o on o.id = a.record_id
       where o.description = $1 and a.uploaded_at is not null`,
      [description],
      { count: 3, timeout: 20_000 },
    );
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      const { rows: objects } = await db.query(
        `select metadata ->> 'size' as size from storage.objects where bucket_id = 'photos' and name = $1`,
        [row.storage_path],
      );
      expect(objects).toHaveLength(1);
      const stored = await readFile(
        path.join(stack.dataDir, 'storage', 'photos', row.storage_path),
      );
      expect(stored.length).toBe(row.bytes);
      expect(row.mime_type).toBe('image/jpeg');
      expect([stored[0], stored[1]]).toEqual([0xff, 0xd8]);
      const left = metadataIn(stored).filter((m) => !HARMLESS.includes(m));
      expect(left, row.storage_path).toEqual([]);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
