import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  browserJpeg,
  snapshot,
  useE2E,
  waitForServiceWorker,
  waitUntilAllSent,
} from '../support/e2e.ts';
import { NewObservationPage, ObservationListPage } from './pages/ObservationPages.ts';

const { stack, db, openPhone, signIn } = useE2E();

describe('photos of a new observation', () => {
  test('a photo removed before saving is never stored: exactly the others reach the database and Storage', async () => {
    const { context, page, problems } = await openPhone();
    // Which object URLs the app makes and frees, to see that no picture's bytes are kept.
    await context.addInitScript(() => {
      const seen = { made: [] as string[], revoked: [] as string[] };
      (window as unknown as { __urls: typeof seen }).__urls = seen;
      const make = URL.createObjectURL.bind(URL);
      const revoke = URL.revokeObjectURL.bind(URL);
      URL.createObjectURL = (o) => {
        const url = make(o);
        seen.made.push(url);
        return url;
      };
      URL.revokeObjectURL = (url) => {
        seen.revoked.push(url);
        revoke(url);
      };
    });
    const urls = () =>
      page.evaluate(
        () => (window as unknown as { __urls: { made: string[]; revoked: string[] } }).__urls,
      );
    const form = new NewObservationPage(page);
    const badge = page.locator('.sync-badge');
    await signIn(page, 'smederij');
    await waitForServiceWorker(page);
    // Their sizes tell the stored photos apart.
    const background = '#0b5870';
    const photos = {
      'een.jpg': await browserJpeg(page, { width: 640, height: 480, background }),
      'twee.jpg': await browserJpeg(page, { width: 480, height: 640, background }),
      'drie.jpg': await browserJpeg(page, { width: 800, height: 400, background }),
    };
    const file = (name: keyof typeof photos) => ({
      name,
      mimeType: 'image/jpeg',
      buffer: photos[name],
    });

    await context.setOffline(true);
    await page.getByRole('link', { name: 'Waarnemingen' }).first().click();
    await new ObservationListPage(page).newButton.click();
    await form.heading.waitFor();
    const description = `Drie foto's, één weg ${randomUUID().slice(0, 8)}`;
    await form.category.selectOption('schoon.zwerfafval');
    await form.description.fill(description);
    await form.buurt.selectOption('BU01185000');

    // Choosing again adds to the photos already chosen.
    await form.photos.setInputFiles([file('een.jpg'), file('twee.jpg')]);
    await form.photos.setInputFiles([file('drie.jpg')]);
    await expect.poll(() => form.chosenPhotos.count()).toBe(3);
    await page.getByText('Aantal foto’s: 3').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'observation-photos');

    // Removed with the keyboard; focus goes to the photo that took its place.
    const removed = await form.chosenPhotos.nth(1).getAttribute('src');
    expect(await form.chosenPhotos.nth(1).getAttribute('alt')).toBe('Foto 2: twee.jpg');
    await form.removePhoto(2, 'twee.jpg').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => form.chosenPhotos.count()).toBe(2);
    await page.getByText('Aantal foto’s: 2').waitFor();
    expect(
      await form.removePhoto(2, 'drie.jpg').evaluate((b) => b === document.activeElement),
    ).toBe(true);
    expect((await urls()).revoked).toContain(removed);
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.save.click();
    const list = new ObservationListPage(page);
    await list.card(description).waitFor();
    // The observation and two photos wait to be sent; the removed one is not among them.
    await badge.filter({ hasText: 'Nog 3 te versturen' }).waitFor();
    // The form is gone: every picture it showed has been freed.
    const { made, revoked } = await urls();
    expect(made.length).toBeGreaterThanOrEqual(3);
    expect(made.filter((u) => !revoked.includes(u))).toEqual([]);

    await context.setOffline(false);
    await waitUntilAllSent(page);
    const { rows } = await db.query<{
      id: string;
      storage_path: string;
      bytes: number;
      width: number;
      height: number;
      uploaded_at: Date | null;
      deleted_at: Date | null;
    }>(
      `select o.id, a.storage_path, a.bytes, a.width, a.height, a.uploaded_at, a.deleted_at
       from observations o join attachments a on a.record_id = o.id
       where o.description = $1
       order by a.width`,
      [description],
    );
    expect(rows.map((r) => [r.width, r.height])).toEqual([
      [640, 480],
      [800, 400],
    ]);
    for (const row of rows)
      expect(row).toMatchObject({ uploaded_at: expect.any(Date), deleted_at: null });
    // Storage holds the record's photos under <organisation>/<record>/: exactly these two.
    const objects = await db.query<{ name: string }>(
      `select name from storage.objects where bucket_id = 'photos' and name like $1 order by name`,
      [`%/${rows[0]!.id}/%`],
    );
    expect(objects.rows.map((o) => o.name)).toEqual(rows.map((r) => r.storage_path).sort());
    for (const row of rows) {
      const stored = await readFile(
        path.join(stack.dataDir, 'storage', 'photos', row.storage_path),
      );
      expect(stored.length).toBe(row.bytes);
    }
    expect(problems).toEqual([]);
    await context.close();
  });
});
