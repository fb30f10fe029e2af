import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  browserJpeg,
  countRows,
  snapshot,
  useE2E,
  waitForServiceWorker,
  waitUntilAllSent,
} from '../support/e2e.ts';
import { GardenDetailPage, GardenFormPage, GardenListPage } from './pages/GardenPages.ts';

const { stack, db, openPhone, signIn } = useE2E();
const WOONCONCEPT = '0a000000-0000-4000-8000-000000000011';
/** Before and after photos: one colour each with the same white block, so they differ. */
const GARDEN_PHOTO = {
  width: 800,
  height: 600,
  block: { x: 300, y: 200, width: 200, height: 200, colour: '#ffffff' },
};

describe('green-garden projects', () => {
  test('a project with before and after photos made offline is sent exactly once when back online', async () => {
    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    const list = new GardenListPage(page);
    const form = new GardenFormPage(page);
    const badge = page.locator('.sync-badge');
    await signIn(page, 'woonconcept');
    await waitForServiceWorker(page);
    const before = await browserJpeg(page, { ...GARDEN_PHOTO, background: '#8a8a8a' });
    const after = await browserJpeg(page, { ...GARDEN_PHOTO, background: '#2f7d32' });

    await context.setOffline(true);
    await page.getByRole('main').getByRole('link', { name: 'Groene tuinen' }).click();
    await list.heading.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await list.newButton.click();
    await form.heading.waitFor();

    // Bad input: each field says what is wrong, and nothing is saved.
    await form.title.fill('x');
    await form.tilesRemoved.fill('12,55');
    await form.trees.fill('-2');
    await form.save.click();
    await form.alert.filter({ hasText: 'Niet alles is goed ingevuld' }).waitFor();
    await page.getByText('Geef het project een naam van 2 tot 200 tekens.').waitFor();
    await page.getByText('Gebruik hoogstens één cijfer na de komma.').waitFor();
    await page.getByText('Een aantal kan niet negatief zijn.').waitFor();
    await page.getByText('Geef aan waar het project is').waitFor();
    expect(await form.title.inputValue()).toBe('x');
    expect(await accessibilityViolations(page)).toEqual([]);

    const title = `Tuinaanpak test ${randomUUID().slice(0, 8)}`;
    await form.title.fill(title);
    await form.address.fill('Hoofdstraat 1, Hoogeveen');
    // A corporation's own organisation is filled in for it.
    expect(await form.corporation.inputValue()).toBe(WOONCONCEPT);
    await form.buurt.selectOption('BU01185000');
    await form.status.selectOption('gepland');
    await form.households.fill('6');
    await form.tilesRemoved.fill('18,5');
    await form.greenAdded.fill('12');
    await form.trees.fill('2');
    await form.plants.fill('40');
    await form.rainBarrels.fill('3');
    await form.greenRoof.fill('');
    await form.facadeGarden.check();
    await form.beforePhoto.setInputFiles({
      name: 'voor.jpg',
      mimeType: 'image/jpeg',
      buffer: before,
    });
    await form.afterPhoto.setInputFiles({ name: 'na.jpg', mimeType: 'image/jpeg', buffer: after });
    // The after photo is shown with the before photo laid translucently over it.
    await form.overlay.locator('img.overlay-frame__ghost').waitFor();
    await form.overlay.locator('img.overlay-frame__base').waitFor();
    const ghostOpacity = await form.overlay
      .locator('img.overlay-frame__ghost')
      .evaluate((img) => Number(getComputedStyle(img).opacity));
    expect(ghostOpacity).toBeGreaterThan(0.2);
    expect(ghostOpacity).toBeLessThan(0.8);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'garden-form');
    await form.save.click();

    await list.card(title).waitFor();
    expect(await list.card(title).textContent()).toContain('Nog niet verstuurd');
    // the project, two attachment rows
    await badge.filter({ hasText: 'Nog 3 te versturen' }).waitFor();
    await page.reload();
    await list.card(title).waitFor();
    expect(await countRows(db, 'garden_projects', 'title = $1', [title])).toBe(0);

    await context.setOffline(false);
    await waitUntilAllSent(page);
    const { rows } = await db.query(
      `select g.id, g.neighbourhood_code, g.status, g.households, g.tiles_removed_m2::float as tiles,
         g.green_added_m2::float as green, g.trees, g.plants, g.rain_barrels,
         g.green_roof_m2::float as roof, g.facade_garden, g.corporation_id, g.address
       from garden_projects g where g.title = $1`,
      [title],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      neighbourhood_code: 'BU01185000',
      status: 'gepland',
      households: 6,
      tiles: 18.5,
      green: 12,
      trees: 2,
      plants: 40,
      rain_barrels: 3,
      roof: 0,
      facade_garden: true,
      corporation_id: WOONCONCEPT,
      address: 'Hoofdstraat 1, Hoogeveen',
    });
    const photos = await db.query(
      `select kind, storage_path, bytes, uploaded_at from attachments
       where record_table = 'garden_projects' and record_id = $1 order by kind`,
      [rows[0].id],
    );
    expect(photos.rows.map((r) => r.kind)).toEqual(['after', 'before']);
    for (const p of photos.rows) {
      expect(p.uploaded_at).toBeInstanceOf(Date);
      const stored = await readFile(path.join(stack.dataDir, 'storage', 'photos', p.storage_path));
      expect(stored.length).toBe(p.bytes);
      expect([stored[0], stored[1]]).toEqual([0xff, 0xd8]);
    }

    // A step forward on the saved project; two steps at once is not offered.
    await list.card(title).getByRole('link', { name: title }).click();
    const detail = new GardenDetailPage(page);
    await detail.heading(title).waitFor();
    await detail.editLink.click();
    await form.heading.waitFor();
    await expect.poll(() => form.title.inputValue()).toBe(title);
    expect(await form.status.locator('option').allTextContents()).toEqual([
      'Aangemeld',
      'Gepland',
      'Uitgevoerd',
    ]);
    expect(await form.tilesRemoved.inputValue()).toBe('18,5');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Changes survive a reload; thrown away, the saved project is back.
    await form.households.fill('9');
    await form.trees.fill('5');
    await page.reload();
    await form.changesRestored.waitFor();
    expect(await form.households.inputValue()).toBe('9');
    expect(await form.trees.inputValue()).toBe('5');
    expect(await form.title.inputValue()).toBe(title);
    expect(await accessibilityViolations(page)).toEqual([]);
    await form.discardChanges.click();
    expect(await form.households.inputValue()).toBe('6');
    expect(await form.trees.inputValue()).toBe('2');
    expect(await form.changesRestored.count()).toBe(0);
    await form.status.selectOption('uitgevoerd');
    await form.save.click();
    await list.card(title).waitFor();
    // Saved: no draft is left behind.
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((k) => k.startsWith('buurtpeil.draft.')),
      ),
    ).toEqual([]);
    await expect
      .poll(
        async () =>
          (
            await db.query(`select status, households, trees from garden_projects where id = $1`, [
              rows[0].id,
            ])
          ).rows[0],
        { timeout: 30_000 },
      )
      .toEqual({ status: 'uitgevoerd', households: 6, trees: 2 });
    expect(problems).toEqual([]);
    await context.close();
  });
});
