import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
import { NewObservationPage } from './pages/ObservationPages.ts';
import { NewWalkPage, WalkDetailPage, WalkListPage, WalkSummaryPage } from './pages/WalkPages.ts';

const { stack, db, openPhone, signIn } = useE2E();

/** The form drafts kept on this device. */
const drafts = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('buurtpeil.draft.')));
const SMEDERIJEN = '0a000000-0000-4000-8000-000000000031';
const WOONCONCEPT = '0a000000-0000-4000-8000-000000000011';

describe('neighbourhood walk', () => {
  test('planned offline, an observation with a photo logged on it, a printable summary; all sent exactly once', async () => {
    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    const list = new WalkListPage(page);
    const plan = new NewWalkPage(page);
    const detail = new WalkDetailPage(page);
    const summary = new WalkSummaryPage(page);
    const observation = new NewObservationPage(page);
    const badge = page.locator('.sync-badge');
    await signIn(page, 'smederij');
    await waitForServiceWorker(page);
    const jpeg = await browserJpeg(page, { width: 640, height: 480, background: '#6b4f2a' });

    await context.setOffline(true);
    await page.getByRole('main').getByRole('link', { name: 'Wijkschouw' }).click();
    await list.heading.waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await list.newButton.click();
    await plan.heading.waitFor();
    // The planner's own organisation walks along by default.
    await expect.poll(() => plan.organisation('De Smederijen').isChecked()).toBe(true);
    await plan.save.click();
    await plan.alert.filter({ hasText: 'Niet alles is goed ingevuld' }).waitFor();
    await page.getByText('Kies de buurt van de wijkschouw.').waitFor();
    await page.getByText('Kies de datum van de wijkschouw.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);

    const title = `Schouw Centrum ${randomUUID().slice(0, 8)}`;
    await plan.title.fill(title);
    await plan.buurt.selectOption('BU01185000');
    await plan.date.fill('2026-12-03');
    await plan.organisation('Woonconcept').check();
    await plan.people('Woonconcept').fill('2');
    await plan.notes.fill('Start bij het station.');
    // A reload halfway (offline, a lost tab): everything typed is back, and can be saved.
    await page.reload();
    await plan.heading.waitFor();
    await plan.draftRestored.waitFor();
    expect(await plan.title.inputValue()).toBe(title);
    await expect.poll(() => plan.buurt.inputValue()).toBe('BU01185000');
    expect(await plan.date.inputValue()).toBe('2026-12-03');
    expect(await plan.organisation('Woonconcept').isChecked()).toBe(true);
    expect(await plan.organisation('De Smederijen').isChecked()).toBe(true);
    expect(await plan.people('Woonconcept').inputValue()).toBe('2');
    expect(await plan.notes.inputValue()).toBe('Start bij het station.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await plan.save.click();
    await detail.heading(title).waitFor();
    // Saved: the draft is gone, so the next walk starts empty.
    expect(await drafts(page)).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);

    await detail.addObservation.click();
    await observation.heading.waitFor();
    await page.getByText(`Deze waarneming hoort bij de wijkschouw “${title}”.`).waitFor();
    const description = `Losse stoeptegel ${randomUUID().slice(0, 8)}`;
    await observation.category.selectOption('heel.bestrating');
    await observation.description.fill(description);
    await observation.buurt.selectOption('BU01185000');
    await observation.photos.setInputFiles({
      name: 'tegel.jpg',
      mimeType: 'image/jpeg',
      buffer: jpeg,
    });
    await observation.save.click();
    // Back on the walk, to log the next one.
    await detail.heading(title).waitFor();
    await detail.observations.filter({ hasText: description }).waitFor();

    await detail.summary.click();
    await summary.heading(title).waitFor();
    await summary.map.waitFor();
    expect(await summary.map.locator('circle').count()).toBe(1);
    expect(await summary.items.count()).toBe(1);
    await summary.photos.first().waitFor();
    expect(
      await summary.photos.first().evaluate((img) => (img as HTMLImageElement).naturalWidth),
    ).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    // On paper only the summary: no app header, no buttons.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.app-header').isVisible()).toBe(false);
    expect(await summary.print.isVisible()).toBe(false);
    expect(await summary.map.isVisible()).toBe(true);
    await snapshot(page, 'walk-summary-print');
    await page.emulateMedia({ media: 'screen' });

    // walk, two participants, the observation and its photo
    await badge.filter({ hasText: 'Nog 5 te versturen' }).waitFor();
    await page.reload();
    await summary.heading(title).waitFor();
    await summary.items.filter({ hasText: description }).waitFor();
    expect(await countRows(db, 'walks', 'title = $1', [title])).toBe(0);

    await context.setOffline(false);
    await waitUntilAllSent(page);
    const walks = await db.query(
      `select id, neighbourhood_code, planned_for::text as day, status, notes from walks where title = $1`,
      [title],
    );
    expect(walks.rows).toHaveLength(1);
    expect(walks.rows[0]).toMatchObject({
      neighbourhood_code: 'BU01185000',
      day: '2026-12-03',
      status: 'gepland',
      notes: 'Start bij het station.',
    });
    const walkId = walks.rows[0].id;
    const participants = await db.query(
      `select organisation_id, people from walk_participants where walk_id = $1 order by organisation_id`,
      [walkId],
    );
    expect(participants.rows).toEqual([
      { organisation_id: WOONCONCEPT, people: 2 },
      { organisation_id: SMEDERIJEN, people: 1 },
    ]);
    const observations = await db.query(
      `select o.id, o.walk_id, a.storage_path, a.bytes, a.uploaded_at
       from observations o join attachments a on a.record_id = o.id where o.description = $1`,
      [description],
    );
    expect(observations.rows).toHaveLength(1);
    expect(observations.rows[0]).toMatchObject({ walk_id: walkId, uploaded_at: expect.any(Date) });
    const stored = await readFile(
      path.join(stack.dataDir, 'storage', 'photos', observations.rows[0].storage_path),
    );
    expect(stored.length).toBe(observations.rows[0].bytes);
    expect(problems).toEqual([]);
    await context.close();
  });
});
