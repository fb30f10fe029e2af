/**
 * The privacy screens (issue 7): the public statement (privacy notice and toegankelijkheids-
 * verklaring), linked from the login page and the menu; the municipality's audit log with CSV
 * export and its data-request screen. Each with axe finding no WCAG 2.1 AA violations.
 */
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import { accessibilityViolations, createTestUser, snapshot, useE2E } from '../support/e2e.ts';
import { AppShell } from './pages/AppShell.ts';
import { LoginPage } from './pages/LoginPage.ts';

const { stack, appUrl, db, openPhone, signIn } = useE2E();
const SMEDERIJ = '0b000000-0000-4000-8000-000000000002';

describe('privacy and accessibility statement', () => {
  test('public, linked from the login page and the menu, in plain Dutch; axe finds nothing', async () => {
    const { page, context, problems } = await openPhone();
    await new LoginPage(page).open(appUrl);
    await page.getByRole('link', { name: 'Privacy en toegankelijkheid van Buurtpeil' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy en toegankelijkheid' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/privacy');
    for (const name of ['Privacyverklaring', 'Toegankelijkheidsverklaring']) {
      await page.getByRole('heading', { level: 2, name }).waitFor();
    }
    await page.getByText('Je mag vragen welke gegevens we van je hebben.').waitFor();
    // Not signed in: the default, and that the municipality can change it.
    await page.getByText(/standaard 12 maanden; de gemeente kan dit aanpassen/).waitFor();
    await page.getByText(/PDOK van het Kadaster/).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'privacy-statement');
    await page.getByRole('link', { name: 'Terug naar inloggen' }).click();
    await new LoginPage(page).heading.waitFor();

    await signIn(page, 'huurder');
    const shell = new AppShell(page);
    await shell.menuButton.click();
    await page.getByRole('link', { name: 'Privacy en toegankelijkheid' }).click();
    await page.getByRole('heading', { level: 1, name: 'Privacy en toegankelijkheid' }).waitFor();
    // Signed in: the period of their own municipality, from the server.
    await page.getByText(/langer dan 12 maanden gesloten of verwijderd/).waitFor();
    // Tenants get no municipality screens in the menu.
    await shell.menuButton.click();
    expect(await page.getByRole('link', { name: 'Logboek' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('the municipality’s screens', () => {
  test('audit log: filtered, shown in words, downloaded as CSV; refused for others', async () => {
    const { page, context, problems } = await openPhone();
    const target = randomUUID();
    await db.query(
      `insert into targets (id, year, metric, target_value, description) values ($1, 2027, 'trees_planted', 40, '=SUM(A1) 40 bomen')`,
      [target],
    );
    // A buurt team member takes a new report in hand (as themselves: the log records who).
    const {
      rows: [report],
    } = await db.query<{ id: string; category: string; buurt: string }>(
      `select o.id, c.name_nl as category, n.name as buurt
       from observations o
       join observation_categories c on c.code = o.category_code
       join neighbourhoods n on n.code = o.neighbourhood_code
       where o.status = 'nieuw' and not o.sensitive and o.deleted_at is null
       order by o.id limit 1`,
    );
    const {
      rows: [team],
    } = await db.query<{ organisation: string }>(
      `select o.name as organisation from profiles p join organisations o on o.id = p.organisation_id
       where p.id = $1`,
      [SMEDERIJ],
    );
    await db.query('begin');
    await db.query(`select set_config('request.jwt.claim.sub', $1, true)`, [SMEDERIJ]);
    await db.query(`update observations set status = 'in_behandeling' where id = $1`, [report!.id]);
    await db.query('commit');

    await signIn(page, 'gemeente');
    const shell = new AppShell(page);
    await shell.menuButton.click();
    await page.getByRole('link', { name: 'Logboek' }).click();
    await page.getByRole('heading', { level: 1, name: 'Logboek van wijzigingen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // A start date after the end date is explained next to the field.
    await page.getByLabel('Vanaf (datum)').fill('2026-12-31');
    await page.getByLabel('Tot en met (datum)').fill('2026-01-01');
    await page.getByRole('button', { name: 'Tonen', exact: true }).click();
    await page.getByText('De begindatum ligt na de einddatum.').waitFor();
    expect(await page.getByLabel('Vanaf (datum)').getAttribute('aria-invalid')).toBe('true');

    await page.getByLabel('Vanaf (datum)').fill('');
    await page.getByLabel('Tot en met (datum)').fill('');
    await page.getByLabel('Soort gegevens').selectOption('observations');
    await page.getByRole('button', { name: 'Tonen', exact: true }).click();
    await page.getByRole('heading', { level: 2, name: /wijzigingen \(hoogstens 1000\)/ }).waitFor();
    // Who, which report and what changed, in words; no ids or JSON in sight.
    const change = page.locator('.card', { hasText: report!.id }).first();
    await change.waitFor();
    expect(await change.getByRole('heading').textContent()).toBe('Gewijzigd in Meldingen');
    await change.getByText(`${report!.category} · ${report!.buurt}`, { exact: true }).waitFor();
    await change
      .getByText(`Door: Sam Smederij, ${team!.organisation} (buurtteam)`, { exact: false })
      .waitFor();
    const lines = change.getByRole('list', { name: 'Wat veranderde' }).getByRole('listitem');
    expect(await lines.allInnerTexts()).toContainEqual(
      expect.stringMatching(/^Status: Nieuw →\s*wordt\s*In behandeling$/),
    );
    expect(await change.innerText()).not.toContain(report!.id);
    expect(await change.innerText()).not.toContain('{');
    // The raw entry stays at hand for experts.
    await change.getByText('Technische gegevens (JSON)').click();
    expect(await change.innerText()).toContain(report!.id);
    expect(await change.locator('pre').textContent()).toContain('"in_behandeling"');

    await page.getByLabel('Soort gegevens').selectOption('targets');
    await page.getByRole('button', { name: 'Tonen', exact: true }).click();
    const card = page.locator('.card', { hasText: target }).first();
    await card.waitFor();
    // Dutch names for the kind of data, the record, and who did it.
    expect(await card.getByRole('heading').textContent()).toBe('Nieuw in Doelen');
    await card.getByText('Bomen geplant · 2027', { exact: true }).waitFor();
    await card.getByText('het systeem', { exact: false }).waitFor();
    await card.getByText('Technische gegevens (JSON)').click();
    // (axe on this short list: on a list of 200 entries it takes seconds.)
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'audit-log');

    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Downloaden als CSV' }).click(),
    ]);
    const csv = await readFile((await file.path())!, 'utf8');
    // Rows can hold line breaks (the readable changes) inside quotes.
    const lines2 = csv.trimEnd().split('\r\n');
    // The app's one CSV writer: semicolons and a byte-order mark, for Dutch Excel.
    expect(lines2[0]).toBe(
      '\uFEFFid;tijdstip;door_id;door;rol;tabel;soort_gegevens;record_id;handeling;reden;gewist_op;wijzigingen;organisatie;omschrijving;wijzigingen_leesbaar',
    );
    const line = lines2.find((l) => l.includes(target));
    expect(line).toContain(';targets;Doelen;');
    expect(line).toContain(';insert;');
    expect(line).toContain(';Bomen geplant · 2027;');
    // The formula someone typed stays text in a spreadsheet.
    expect(line).not.toMatch(/;=SUM/);
    expect(problems).toEqual([]);
    await context.close();

    const tenant = await openPhone();
    await signIn(tenant.page, 'huurder');
    await tenant.page.goto(`${appUrl}/beheer/auditlog`);
    await tenant.page.getByText('Dit scherm is alleen voor de gemeente.').waitFor();
    await tenant.context.close();
  });

  test('data requests: export a person as JSON, then anonymise them after confirming', async () => {
    const { id, email } = await createTestUser(stack);
    const name = `Piet Verzoek ${id.slice(0, 4)}`;
    await db.query(
      `insert into profiles (id, organisation_id, role, display_name)
       values ($1, '0a000000-0000-4000-8000-000000000021', 'huurder', $2)`,
      [id, name],
    );

    const { page, context, problems } = await openPhone();
    await signIn(page, 'gemeente');
    await page.goto(`${appUrl}/beheer/verzoeken`);
    await page
      .getByRole('heading', { level: 1, name: 'Verzoeken over persoonsgegevens' })
      .waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Nothing chosen: said next to the field.
    await page.getByRole('button', { name: 'Gegevens downloaden (JSON)' }).click();
    await page.getByText('Kies eerst een persoon.').waitFor();

    const person = page.getByLabel('Persoon', { exact: true });
    await expect.poll(() => person.locator('option', { hasText: name }).count()).toBe(1);
    await person.selectOption({ label: `${name} – huurder, SHDH` });
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Gegevens downloaden (JSON)' }).click(),
    ]);
    const exported = JSON.parse(await readFile((await file.path())!, 'utf8')) as {
      person: { id: string; email: string; display_name: string };
    };
    expect(exported.person).toMatchObject({ id, email, display_name: name });

    await page.getByRole('button', { name: 'Anonimiseren' }).click();
    await page.getByText('Vink eerst aan dat je het zeker weet.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByLabel('Ik weet zeker dat ik deze persoon wil anonimiseren').check();
    await page.getByRole('button', { name: 'Anonimiseren' }).click();
    await page.getByRole('status').filter({ hasText: 'Klaar.' }).waitFor();
    const { rows } = await db.query(
      `select display_name, deleted_at is not null as gone from profiles where id = $1`,
      [id],
    );
    expect(rows).toEqual([{ display_name: '', gone: true }]);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
