import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { accessibilityViolations, useE2E } from '../support/e2e.ts';
import { NewObservationPage, ObservationListPage } from './pages/ObservationPages.ts';

const { appUrl, openPhone, signIn } = useE2E();
/** Centrum, Hoogeveen. */
const HERE = { latitude: 52.72469, longitude: 6.47908 };

describe('finding observations', () => {
  test('the list filters by status, kind and date, and keeps the filters in the address', async () => {
    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    const list = new ObservationListPage(page);
    await signIn(page, 'smederij');
    await page.goto(`${appUrl}/waarnemingen`);
    await list.heading.waitFor();
    await list.cards.first().waitFor();
    const count = page.locator('p[role="status"]', { hasText: /Gevonden:|Je ziet de nieuwste/ });
    // More than the list shows: it says so, and how to find older ones.
    expect(await count.textContent()).toBe(
      'Je ziet de nieuwste 200. Zoek je een oudere? Kies dan een status, soort of datum.',
    );

    await page.getByLabel('Status').selectOption('opgelost');
    await expect.poll(() => page.url()).toContain('status=opgelost');
    const statuses = async () => {
      const texts = await list.cards.allTextContents();
      return texts.length > 0 && texts.every((text) => text.includes('Opgelost'));
    };
    await expect.poll(statuses).toBe(true);

    await page.getByLabel('Soort').selectOption('groen');
    await expect.poll(() => page.url()).toContain('category=groen');
    const allowed = [
      'Groen slecht onderhouden',
      'Boom ziek of gevaarlijk',
      'Tuin helemaal bestraat',
      'Wateroverlast',
    ];
    const onlyGreen = async () => {
      const titles = await list.cards.locator('.card__title').allTextContents();
      return titles.length > 0 && titles.every((title) => allowed.includes(title));
    };
    await expect.poll(onlyGreen).toBe(true);
    await expect.poll(statuses).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // A future start date leaves nothing; the filters survive a reload.
    await page.getByLabel('Vanaf').fill('2099-01-01');
    await page.getByLabel('Vanaf').dispatchEvent('change');
    await count.filter({ hasText: 'Gevonden: 0' }).waitFor();
    await page.reload();
    await count.filter({ hasText: 'Gevonden: 0' }).waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('opgelost');

    await page.getByRole('button', { name: 'Filters wissen' }).click();
    await count.filter({ hasText: 'Je ziet de nieuwste 200.' }).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });

  test('the form points to an open report of the same kind within 50 m', async () => {
    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(HERE);
    const form = new NewObservationPage(page);
    await signIn(page, 'smederij');

    const first = `Bank kapot ${randomUUID().slice(0, 8)}`;
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await form.heading.waitFor();
    await form.category.selectOption('heel.speeltoestel');
    await form.description.fill(first);
    await form.useLocation.click();
    await form.locationStatus.filter({ hasText: 'Buurt: Centrum' }).waitFor();
    await form.save.click();
    await new ObservationListPage(page).card(first).waitFor();

    // 20 m further: the same kind is found, another kind is not.
    await context.setGeolocation({ latitude: HERE.latitude + 0.00018, longitude: HERE.longitude });
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await form.heading.waitFor();
    await form.category.selectOption('heel.bestrating');
    await form.useLocation.click();
    await form.locationStatus.filter({ hasText: 'Buurt: Centrum' }).waitFor();
    const hint = page.getByRole('region', { name: 'Is dit al gemeld?' });
    await form.category.selectOption('heel.speeltoestel');
    await hint.waitFor();
    await hint.getByRole('link', { name: /^Speeltoestel kapot, 20 meter hiervandaan$/ }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await hint.getByRole('link').first().click();
    await page.getByText(first).waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
