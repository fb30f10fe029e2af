import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { DEMO } from '../support/clients.ts';
import {
  accessibilityViolations,
  countRows,
  snapshot,
  useE2E,
  waitForServiceWorker,
  waitUntilAllSent,
} from '../support/e2e.ts';
import { GardenDetailPage, GardenListPage } from './pages/GardenPages.ts';

const { appUrl, db, openPhone, signIn } = useE2E();
const WOONCONCEPT = '0a000000-0000-4000-8000-000000000011';
const SHDH = '0a000000-0000-4000-8000-000000000021';
const SMEDERIJEN = '0a000000-0000-4000-8000-000000000031';
/** The label point of Centrum (BU01185000), in the demo tenant's wijk. */
const CENTRUM = '(6.47908,52.72469)';

describe('tenant feedback on a garden project', () => {
  test('a tenant reacts offline, reloads, comes online: one row; a professional sees the figures', async () => {
    const title = `Tuinaanpak reactie ${randomUUID().slice(0, 8)}`;
    const { rows: made } = await db.query<{ id: string }>(
      `insert into garden_projects (id, corporation_id, title, location, status, households, trees, created_by)
       values (gen_random_uuid(), $1, $2, $3, 'uitgevoerd', 4, 2, $4) returning id`,
      [WOONCONCEPT, title, CENTRUM, DEMO.woonconcept],
    );
    const gardenId = made[0]!.id;

    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    const badge = page.locator('.sync-badge');
    const list = new GardenListPage(page);
    const detail = new GardenDetailPage(page);
    await signIn(page, 'huurder');
    await waitForServiceWorker(page);

    await context.setOffline(true);
    await page.getByRole('main').getByRole('link', { name: 'Groene tuinen' }).click();
    await list.heading.waitFor();
    await list.card(title).getByRole('link', { name: title }).click();
    await detail.heading(title).waitFor();
    // Tenants react; they do not change projects.
    expect(await detail.editLink.count()).toBe(0);
    await page.getByText('Je hebt nog niet gereageerd op dit project.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    // Nothing chosen: told next to the choices, nothing saved.
    await detail.comment.fill('Veel meer groen nu.');
    await detail.send.click();
    await page
      .locator('.form-alert--shown')
      .filter({ hasText: 'Kies Goed of Niet goed, of geef sterren.' })
      .waitFor();
    await detail.feedbackForm.locator('.field__error').waitFor();
    expect(await detail.comment.inputValue()).toBe('Veel meer groen nu.');
    expect(await accessibilityViolations(page)).toEqual([]);

    await detail.good.check();
    await detail.grade(4).check();
    await detail.send.click();
    await detail.saved.waitFor();
    await detail.mine.filter({ hasText: 'Veel meer groen nu.' }).waitFor();
    expect(await detail.mine.first().textContent()).toContain('Nog niet verstuurd');
    expect(await detail.comment.inputValue()).toBe('');
    await badge.filter({ hasText: 'Nog 1 te versturen' }).waitFor();

    await page.reload();
    await detail.heading(title).waitFor();
    await detail.mine.filter({ hasText: 'Veel meer groen nu.' }).waitFor();
    const events = await countRows(db, 'garden_project_events', 'garden_project_id = $1', [
      gardenId,
    ]);
    expect(events).toBe(0);

    await context.setOffline(false);
    await waitUntilAllSent(page);
    const { rows } = await db.query(
      `select kind, thumb, rating, body, created_by, author_role, organisation_id
       from garden_project_events where garden_project_id = $1`,
      [gardenId],
    );
    expect(rows).toEqual([
      {
        kind: 'feedback',
        thumb: 1,
        rating: 4,
        body: 'Veel meer groen nu.',
        created_by: DEMO.huurder,
        author_role: 'huurder',
        organisation_id: '0a000000-0000-4000-8000-000000000021',
      },
    ]);
    await expect.poll(() => detail.mine.first().textContent()).not.toContain('Nog niet verstuurd');
    expect(problems).toEqual([]);
    await context.close();

    // The corporation sees the reactions as figures and text, without names, and can edit.
    const pro = await openPhone();
    const proDetail = new GardenDetailPage(pro.page);
    await signIn(pro.page, 'woonconcept');
    await pro.page.goto(`${appUrl}/groene-tuinen/${gardenId}`);
    await proDetail.heading(title).waitFor();
    await proDetail.figures.filter({ hasText: 'Reacties: 1 · Goed: 1 · Niet goed: 0' }).waitFor();
    expect(await proDetail.figures.textContent()).toContain('Gemiddeld 4 van 5 sterren');
    await proDetail.reactions.filter({ hasText: 'Veel meer groen nu.' }).waitFor();
    // Professionals see which organisation reacted, never who.
    expect(await proDetail.reactions.first().textContent()).toContain('Van: SHDH');
    expect(await proDetail.feedbackForm.count()).toBe(0);
    expect(await proDetail.page.getByText('Hanneke').count()).toBe(0);
    await proDetail.editLink.waitFor();
    expect(await accessibilityViolations(pro.page)).toEqual([]);
    expect(pro.problems).toEqual([]);
    await pro.context.close();
  });

  test('a professional adds a note offline: newest first with its organisation, sent once online', async () => {
    const title = `Tuinaanpak opmerking ${randomUUID().slice(0, 8)}`;
    const { rows: made } = await db.query<{ id: string }>(
      `insert into garden_projects (id, corporation_id, title, location, status, households, created_by)
       values (gen_random_uuid(), $1, $2, $3, 'nazorg', 3, $4) returning id`,
      [WOONCONCEPT, title, CENTRUM, DEMO.woonconcept],
    );
    const gardenId = made[0]!.id;
    await db.query(
      `insert into garden_project_events (id, garden_project_id, kind, thumb, rating, body, created_by,
         author_role, organisation_id, created_at)
       values (gen_random_uuid(), $1, 'feedback', -1, 2, 'De planten zijn dood.', $2, 'huurder', $3,
         now() - interval '2 days')`,
      [gardenId, DEMO.huurder, SHDH],
    );

    const { context, page, problems } = await openPhone();
    const detail = new GardenDetailPage(page);
    await signIn(page, 'smederij');
    await waitForServiceWorker(page);
    await page.goto(`${appUrl}/groene-tuinen/${gardenId}`);
    await detail.heading(title).waitFor();
    await detail.reactions
      .filter({ hasText: 'De planten zijn dood.' })
      .waitFor({ timeout: 30_000 });

    await context.setOffline(true);
    // Nothing written: told at the field, nothing saved.
    await detail.sendNote.click();
    await page
      .locator('.form-alert--shown')
      .filter({ hasText: 'Schrijf eerst een opmerking.' })
      .waitFor();
    expect(await detail.note.getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);

    await detail.note.fill('  We vervangen de planten volgende week.  ');
    await detail.sendNote.click();
    await detail.noteSaved.waitFor();
    expect(await detail.note.inputValue()).toBe('');
    // Newest first, its organisation named, waiting to be sent.
    await expect
      .poll(() => detail.reactions.allTextContents())
      .toEqual([
        expect.stringMatching(
          /^Opmerking van een professional · .* · Nog niet verstuurdVan: De SmederijenWe vervangen de planten volgende week\.$/,
        ),
        expect.stringMatching(/^Niet goed · .*Van: SHDH2 van 5 sterrenDe planten zijn dood\.$/),
      ]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'garden-history');

    await page.reload();
    await detail.heading(title).waitFor();
    await detail.reactions.first().filter({ hasText: 'We vervangen de planten' }).waitFor();
    expect(await countRows(db, 'garden_project_events', 'garden_project_id = $1', [gardenId])).toBe(
      1,
    );

    await context.setOffline(false);
    await waitUntilAllSent(page);
    const { rows } = await db.query(
      `select kind, body, thumb, rating, created_by, author_role, organisation_id
       from garden_project_events where garden_project_id = $1 and kind = 'comment'`,
      [gardenId],
    );
    expect(rows).toEqual([
      {
        kind: 'comment',
        body: 'We vervangen de planten volgende week.',
        thumb: null,
        rating: null,
        created_by: DEMO.smederij,
        author_role: 'smederij',
        organisation_id: SMEDERIJEN,
      },
    ]);
    await expect
      .poll(() => detail.reactions.first().textContent())
      .not.toContain('Nog niet verstuurd');
    expect(await detail.reactions.first().textContent()).toContain('Van: De Smederijen');
    expect(problems).toEqual([]);
    await context.close();
  });
});
