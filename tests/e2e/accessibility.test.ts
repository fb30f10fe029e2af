import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accessibilityViolations, useE2E, waitForRows, waitUntilAllSent } from '../support/e2e.ts';

const { appUrl, db, openPhone, signIn } = useE2E();

/** `/toegankelijkheid/nieuw`: one question at a time. */
class CheckWizard {
  constructor(readonly page: Page) {}
  next = () => this.page.getByRole('button', { name: 'Volgende' }).click();
  answer = (text: string) => this.page.getByRole('radio', { name: text, exact: true }).check();
  step = (n: number) => this.page.getByText(`Stap ${n} van 7`).waitFor();
}

describe('accessibility check', () => {
  test('asks the questions of agreement 3 one by one and derives the class as the database does', async () => {
    const { context, page, problems } = await openPhone();
    await signIn(page, 'woonconcept');
    const wizard = new CheckWizard(page);
    const address = `Teststraat ${Date.now() % 100000}, Hoogeveen`;

    await page.goto(`${appUrl}/toegankelijkheid/nieuw`);
    await wizard.step(1);
    await wizard.next();
    await page.getByText('Vul het adres in').waitFor();
    await page.getByLabel('Adres van de woning').fill(address);
    await page.getByLabel('Buurt').selectOption('BU01185000');
    await wizard.next();

    await wizard.step(2);
    expect(await accessibilityViolations(page)).toEqual([]);
    await wizard.next();
    await page.getByText('Kies een antwoord.').waitFor();
    await wizard.answer('Ja');
    await wizard.next();
    await wizard.answer('Ja, met een traplift');
    await wizard.next();
    await wizard.answer('Ja, met een kleine aanpassing');
    await wizard.next();
    await wizard.answer('Ja');
    await wizard.next();
    await wizard.step(6);
    await wizard.answer('Nee, maar die is wel nodig');
    await page.getByRole('radio', { name: 'Ja', exact: true }).check();
    await page.getByLabel('Bouwjaar (als je het weet)').fill('2025');
    await wizard.next();
    await page.getByText('Toegankelijk met kleine aanpassingen').waitFor();
    await page.getByRole('button', { name: 'Controle opslaan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Toegankelijkheid' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await waitUntilAllSent(page);

    // The save goes out on its own once online; wait until the server has it.
    const rows = await waitForRows(
      db,
      `select class, living_room, toilet, bathroom, bedroom, scooter_storage, new_build, build_year,
         neighbourhood_code, corporation_id
       from accessibility_checks where address = $1`,
      [address],
    );
    expect(rows).toEqual([
      {
        class: 'met_kleine_aanpassingen',
        living_room: 'ja',
        toilet: 'traplift',
        bathroom: 'kleine_aanpassing',
        bedroom: 'ja',
        scooter_storage: 'nodig',
        new_build: true,
        build_year: 2025,
        neighbourhood_code: 'BU01185000',
        corporation_id: '0a000000-0000-4000-8000-000000000011',
      },
    ]);

    // A re-check of the same home shows the earlier result, so change over time is visible.
    await page.goto(`${appUrl}/toegankelijkheid/nieuw`);
    await page.getByLabel('Adres van de woning').fill(address);
    await page
      .getByText(
        /Deze woning is eerder gecontroleerd op .*: Toegankelijk met kleine aanpassingen\./,
      )
      .waitFor();
    expect(problems).toEqual([]);
    await context.close();
  });
});
