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
  waitForRows,
  waitForServiceWorker,
  waitUntilAllSent,
} from '../support/e2e.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { NewObservationPage, ObservationListPage } from './pages/ObservationPages.ts';

const { stack, appUrl, db, openPhone, signIn } = useE2E();
/** Centrum, Hoogeveen. */
const HERE = { latitude: 52.72469, longitude: 6.47908 };

describe('observations offline', () => {
  test('logged with a photo while offline, kept across a reload, sent exactly once when back online', async () => {
    const { context, page, problems } = await openPhone();
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation(HERE);
    const login = new LoginPage(page);
    const form = new NewObservationPage(page);
    const list = new ObservationListPage(page);
    const badge = page.locator('.sync-badge');

    await page.goto(appUrl);
    await login.heading.waitFor();
    await login.logIn('smederij@demo.buurtpeil.nl', 'buurtpeil-demo');
    await waitUntilAllSent(page);
    await waitForServiceWorker(page);

    const jpeg = await browserJpeg(page, {
      width: 640,
      height: 480,
      background: '#0b5870',
      block: { x: 100, y: 100, width: 200, height: 150, colour: '#ffd166' },
    });

    await context.setOffline(true);
    await page.getByRole('link', { name: 'Waarnemingen' }).first().click();
    await list.newButton.click();
    await form.heading.waitFor();
    const description = `Lantaarnpaal kapot ${randomUUID().slice(0, 8)}`;
    await form.category.selectOption('heel.verlichting');
    await form.severity(4).check();
    await form.description.fill(description);
    await form.useLocation.click();
    await form.locationStatus.filter({ hasText: 'Buurt: Centrum' }).waitFor();
    await form.photos.setInputFiles({ name: 'lamp.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'observation-form');
    await form.save.click();

    await list.card(description).waitFor();
    expect(await list.card(description).textContent()).toContain('Nog niet verstuurd');
    expect(await accessibilityViolations(page)).toEqual([]);
    await badge.filter({ hasText: 'Nog 2 te versturen' }).waitFor();

    // Still offline: a reload keeps it (IndexedDB), nothing has reached the server.
    await page.reload();
    await list.card(description).waitFor();
    expect(await countRows(db, 'observations', 'description = $1', [description])).toBe(0);

    // The sending page tells the truth offline, and is usable.
    await badge.click();
    await page.getByRole('heading', { level: 1, name: 'Versturen' }).waitFor();
    await page.getByText('Nog te versturen: 2').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.goBack();

    // Sending a new photo is the normal path: no failed request, which a browser logs as an error
    // (Storage answers a question about a missing object with HTTP 400).
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.request().method()} ${r.url()}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error') failed.push(`console: ${m.text()} ${m.location().url}`);
    });
    await context.setOffline(false);
    await waitUntilAllSent(page);
    await expect
      .poll(() => list.card(description).textContent())
      .not.toContain('Nog niet verstuurd');
    expect(failed).toEqual([]);

    const { rows } = await db.query(
      `select o.id, o.neighbourhood_code, o.severity, a.storage_path, a.bytes, a.uploaded_at
       from observations o join attachments a on a.record_id = o.id
       where o.description = $1`,
      [description],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      neighbourhood_code: 'BU01185000',
      severity: 4,
      uploaded_at: expect.any(Date),
    });
    const stored = await readFile(
      path.join(stack.dataDir, 'storage', 'photos', rows[0].storage_path),
    );
    expect(stored.length).toBe(rows[0].bytes);
    expect([stored[0], stored[1]]).toEqual([0xff, 0xd8]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('keeps what was typed when the person leaves the form, and forgets it after saving', async () => {
    const { context, page, problems } = await openPhone();
    const form = new NewObservationPage(page);
    await signIn(page, 'smederij');
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await form.heading.waitFor();
    await form.category.selectOption('groen.boom');
    await form.description.fill('Tak hangt over het fietspad');
    await form.buurt.selectOption('BU01185000');

    await page.goto(`${appUrl}/`);
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await page.getByText('We hebben teruggezet wat je de vorige keer had ingevuld.').waitFor();
    // The choices arrive from the device a moment after the restored text.
    await expect.poll(() => form.category.inputValue()).toBe('groen.boom');
    expect(await form.description.inputValue()).toBe('Tak hangt over het fietspad');
    await expect.poll(() => form.buurt.inputValue()).toBe('BU01185000');
    expect(await accessibilityViolations(page)).toEqual([]);

    await form.save.click();
    await new ObservationListPage(page).card('Tak hangt over het fietspad').waitFor();
    await page.goto(`${appUrl}/waarnemingen/nieuw`);
    await form.heading.waitFor();
    expect(await form.description.inputValue()).toBe('');
    expect(problems).toEqual([]);
    await context.close();
  });

  test('followed up on the detail page: in progress, a comment, closed with a reason', async () => {
    const { context, page, problems } = await openPhone();
    await signIn(page, 'smederij');
    const { rows } = await db.query<{ id: string }>(
      `select id from observations where status = 'nieuw' and not sensitive
         and neighbourhood_code like 'BU011850%' order by id limit 1`,
    );
    const id = rows[0]!.id;
    await page.goto(`${appUrl}/waarnemingen/${id}`);
    await page.getByRole('heading', { level: 2, name: 'Afhandelen' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'In behandeling nemen' }).click();
    await page.getByText('Status: In behandeling').waitFor();
    await page.getByLabel('Reactie toevoegen').fill('Gemeld bij de aannemer.');
    await page.getByRole('button', { name: 'Reactie opslaan' }).click();
    // Organisations that ended (Woonservice merged in 2026) cannot get new work.
    const choices = await page.getByLabel('Wie pakt dit op?').locator('option').allTextContents();
    expect(choices).toEqual([
      'Nog niemand',
      'Actium',
      'De Smederijen',
      'Domesta',
      'Gemeente Hoogeveen',
      'Woonconcept',
    ]);
    await page.getByLabel('Wie pakt dit op?').selectOption({ label: 'Woonconcept' });
    await page.getByRole('button', { name: 'Toewijzen' }).click();
    await page.getByText('Toegewezen aan: Woonconcept').waitFor();
    await page.getByRole('button', { name: 'Sluiten zonder actie' }).click();
    await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await page.locator('.form-alert--shown').filter({ hasText: 'Schrijf waarom' }).waitFor();
    await page.getByLabel('Waarom sluit je de waarneming zonder actie?').fill('Dubbele melding.');
    await page.getByRole('button', { name: 'Sluiten', exact: true }).click();
    await page.getByText('Status: Gesloten').waitFor();
    // Sent on its own once saved; wait until the server has the last step.
    await waitForRows(db, `select 1 from observations where id = $1 and status = 'gesloten'`, [id]);

    const saved = await db.query(
      `select o.status, o.close_reason, o.assigned_organisation_id as assigned,
         (select array_agg(e.kind || ':' ||
            coalesce(e.to_status, nullif(e.body, ''), e.assigned_organisation_id::text) order by e._seq)
          from observation_events e where e.observation_id = o.id) as events
       from observations o where o.id = $1`,
      [id],
    );
    expect(saved.rows[0]).toMatchObject({
      status: 'gesloten',
      close_reason: 'Dubbele melding.',
      assigned: '0a000000-0000-4000-8000-000000000011',
    });
    expect(saved.rows[0].events).toEqual([
      'status:in_behandeling',
      'comment:Gemeld bij de aannemer.',
      'assignment:0a000000-0000-4000-8000-000000000011',
      'status:gesloten',
    ]);
    // The history on the device shows what the server recorded.
    await page.getByText('Status van In behandeling naar Gesloten').waitFor({ timeout: 30_000 });
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a tenant reacts to a report in their buurt: good or not good, a grade and a few words', async () => {
    const { context, page, problems } = await openPhone();
    await signIn(page, 'huurder');
    const { rows } = await db.query<{ id: string }>(
      `select id from observations where not sensitive and neighbourhood_code like 'BU011850%'
         and created_by <> '0b000000-0000-4000-8000-000000000006' order by id limit 1`,
    );
    const id = rows[0]!.id;
    await page.goto(`${appUrl}/waarnemingen/${id}`);
    await page.getByRole('heading', { level: 2, name: 'Wat vind je ervan?' }).waitFor();
    // Tenants do not handle observations, and never see who reported.
    expect(await page.getByRole('heading', { name: 'Afhandelen' }).count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await page
      .locator('.form-alert--shown')
      .filter({ hasText: 'Kies Goed of Niet goed.' })
      .waitFor();
    await page.getByRole('radio', { name: 'Goed', exact: true }).check();
    await page.getByRole('radio', { name: '4', exact: true }).check();
    await page.getByLabel('Korte uitleg (mag je overslaan)').fill('Netjes opgeruimd.');
    await page.getByRole('button', { name: 'Reactie versturen' }).click();
    await page.getByText('Opgeslagen op dit toestel.').waitFor();

    const saved = await waitForRows(
      db,
      `select kind, thumb, rating, body from observation_events
       where observation_id = $1 and created_by = '0b000000-0000-4000-8000-000000000006'
         and body = 'Netjes opgeruimd.'`,
      [id],
    );
    expect(saved).toEqual([{ kind: 'feedback', thumb: 1, rating: 4, body: 'Netjes opgeruimd.' }]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
