import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  useE2E,
  waitForRows,
  waitForServiceWorker,
} from '../support/e2e.ts';
import { NewObservationPage } from './pages/ObservationPages.ts';

const { appUrl, db, openPhone, signIn } = useE2E();

/**
 * PDOK's Locatieserver is on the internet, which tests here cannot reach: the browser gets a
 * recorded-shape answer instead (same fields the app reads), so the app's own request — through
 * the real CSP and fetch — is what is tested.
 */
const PDOK_ANSWER = {
  response: {
    numFound: 2,
    docs: [
      {
        weergavenaam: 'Hoofdstraat 40, 7901JR Hoogeveen',
        centroide_ll: 'POINT(6.47612 52.72287)',
      },
      {
        weergavenaam: 'Hoofdstraat 41, 7902EH Hoogeveen',
        centroide_ll: 'POINT(6.47637 52.72301)',
      },
    ],
  },
};

describe('where an observation is', () => {
  test('found by address search, or pointed at on the map with the keyboard; the buurt follows', async () => {
    const { context, page, problems } = await openPhone();
    const asked: URL[] = [];
    await context.route('https://api.pdok.nl/**', async (route) => {
      asked.push(new URL(route.request().url()));
      await route.fulfill({ json: PDOK_ANSWER, headers: { 'access-control-allow-origin': '*' } });
    });
    const form = new NewObservationPage(page);
    await signIn(page, 'smederij');
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await form.heading.waitFor();
    await form.category.selectOption('schoon.zwerfafval');

    // Enter in the search field searches; it does not save the form.
    const address = page.getByLabel('Of zoek een adres (met internet)');
    await address.fill('Hoofdstraat 40');
    await address.press('Enter');
    await page.getByRole('button', { name: 'Hoofdstraat 40, 7901JR Hoogeveen' }).click();
    await form.locationStatus
      .filter({ hasText: 'Plek van het adres Hoofdstraat 40, 7901JR Hoogeveen' })
      .waitFor();
    expect(await form.buurt.inputValue()).toMatch(/^BU0118/);
    expect(asked[0]?.searchParams.get('q')).toBe('Hoofdstraat 40');
    expect(asked[0]?.searchParams.getAll('fq')).toContain('gemeentenaam:Hoogeveen');
    expect(await page.locator('form [role="alert"].form-alert--shown').count()).toBe(0);

    // The map opens on the address; arrows move it, Enter puts the pin under the cross.
    await page.getByRole('button', { name: 'Aanwijzen op de kaart' }).click();
    const map = page.getByRole('application', { name: 'Kaart om de plek aan te wijzen' });
    await map.waitFor();
    await page.locator('.pin-map__pin').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    for (const name of ['Inzoomen', 'Uitzoomen']) {
      const button = (await map.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(button.width).toBeGreaterThanOrEqual(44);
      expect(button.height).toBeGreaterThanOrEqual(44);
    }
    await map.focus();
    for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowLeft');
    await page.waitForTimeout(400);
    await page.keyboard.press('Enter');
    await form.locationStatus
      .filter({ hasText: 'Je hebt de plek op de kaart aangewezen' })
      .waitFor();

    // A tap elsewhere on the map moves the pin again.
    const box = (await map.boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height * 0.6);
    await page.waitForTimeout(200);

    const description = `Zwerfvuil bij de kaart ${randomUUID().slice(0, 8)}`;
    await form.description.fill(description);
    const shown = await form.buurt.inputValue();
    await form.save.click();
    const [row] = await waitForRows<{
      lon: number;
      lat: number;
      buurt: string;
      accuracy: number | null;
    }>(
      db,
      `select location[0] as lon, location[1] as lat, neighbourhood_code as buurt,
         accuracy_m as accuracy from observations where description = $1`,
      [description],
    );
    expect(row).toBeDefined();
    expect(row!.buurt).toBe(shown);
    expect(row!.accuracy).toBeNull();
    // The keys moved the map west only, the tap went below the middle: a point west of the
    // address and clearly south of it is the tap's, not the search result's nor Enter's.
    expect(row!.lon).toBeLessThan(6.47612);
    expect(row!.lat).toBeLessThan(52.72287 - 0.00005);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('offline the address search says it needs internet, and the rest of the form still works', async () => {
    const { context, page, problems } = await openPhone();
    const form = new NewObservationPage(page);
    await signIn(page, 'smederij');
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await form.heading.waitFor();
    // Offline, the map's code comes from the service worker's precache.
    await waitForServiceWorker(page);
    await context.setOffline(true);
    await page.getByLabel('Of zoek een adres (met internet)').fill('Hoofdstraat');
    await page.getByRole('button', { name: 'Zoeken', exact: true }).click();
    await page.getByText('Adres zoeken kan alleen met internet.').waitFor();
    // The map still opens without tiles; the pin can be put.
    await page.getByRole('button', { name: 'Aanwijzen op de kaart' }).click();
    const map = page.getByRole('application', { name: 'Kaart om de plek aan te wijzen' });
    await map.focus();
    // Zoomed far out, a tap outside the municipality is refused and leaves no pin behind.
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('-');
      await page.waitForTimeout(150);
    }
    await page.waitForTimeout(400);
    const box = (await map.boundingBox())!;
    await page.touchscreen.tap(box.x + 12, box.y + box.height - 12);
    await page.getByText('Deze plek ligt buiten de gemeente Hoogeveen.').waitFor();
    await expect.poll(() => page.locator('.pin-map__pin').count()).toBe(0);
    await map.focus();
    await page.keyboard.press('Enter');
    await form.locationStatus
      .filter({ hasText: 'Je hebt de plek op de kaart aangewezen' })
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
