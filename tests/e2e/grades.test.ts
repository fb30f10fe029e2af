import { describe, expect, test } from 'vitest';
import { quarterOf } from '../../src/features/grades/grades.ts';
import { DEMO } from '../support/clients.ts';
import {
  accessibilityViolations,
  countRows,
  snapshot,
  useE2E,
  waitForServiceWorker,
  waitForRows,
  waitUntilAllSent,
} from '../support/e2e.ts';
import { GradePage } from './pages/GradePage.ts';

const { appUrl, db, openPhone, signIn } = useE2E();
const TENANT = DEMO.huurder;
/** Noord, in wijk 50 where the demo tenant lives. */
const NOORD = 'BU01185001';
/** Another buurt of wijk 50. */
const OTHER = 'BU01185000';

describe('tenant grades', () => {
  test('a tenant grades their buurt offline; each theme is saved exactly once when back online', async () => {
    const now = quarterOf(new Date());
    // The seed graded this quarter already: take those back, so this quarter starts empty.
    await db.query(
      `update neighbourhood_grades set deleted_at = now()
       where created_by = $1 and neighbourhood_code = $2 and year = $3 and quarter = $4`,
      [TENANT, NOORD, now.year, now.quarter],
    );
    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    const grades = new GradePage(page);
    const badge = page.locator('.sync-badge');
    await signIn(page, 'huurder');
    await waitForServiceWorker(page);

    await context.setOffline(true);
    // Tenants get the grade tile; professionals do not.
    await page.getByRole('main').getByRole('link', { name: 'Cijfer voor je buurt' }).click();
    await grades.heading.waitFor();
    // Only the buurten of the tenant's wijk are offered (as the server allows).
    await grades.buurt.waitFor();
    const offered = await grades.buurt
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const wijk = await db.query<{ code: string }>(
      `select code from neighbourhoods where kind = 'buurt' and wijk_code = 'WK011850' order by code`,
    );
    expect([...offered].sort()).toEqual(wijk.rows.map((r) => r.code));
    await grades.buurt.selectOption(NOORD);
    await grades.history.waitFor();
    // Nothing chosen: refused with a clear message, nothing saved.
    await grades.save.click();
    await grades.alert.filter({ hasText: 'Kies bij minstens één onderwerp een cijfer.' }).waitFor();
    // What they gave last quarter is shown with each theme.
    await grades
      .theme('Schoon')
      .getByText(/^Vorige keer \(/)
      .waitFor();
    await grades.grade('Schoon', 7).check();
    await grades.grade('Veilig', 4).check();
    await grades.grade('Samen', 9).check();
    expect(await accessibilityViolations(page)).toEqual([]);
    await snapshot(page, 'grades');
    await grades.save.click();
    await grades.saved.waitFor();
    await badge.filter({ hasText: 'Nog 3 te versturen' }).waitFor();

    // Changing one before it is sent changes that grade, it does not add one.
    await grades.grade('Samen', 8).check();
    await grades.save.click();
    await grades.saved.waitFor();
    await badge.filter({ hasText: 'Nog 3 te versturen' }).waitFor();

    await page.reload();
    await grades.heading.waitFor();
    await grades.buurt.selectOption(NOORD);
    await expect.poll(() => grades.grade('Samen', 8).isChecked()).toBe(true);
    expect(await grades.grade('Schoon', 7).isChecked()).toBe(true);
    const unsent = await countRows(
      db,
      'neighbourhood_grades',
      'created_by = $1 and neighbourhood_code = $2 and year = $3 and quarter = $4 and deleted_at is null',
      [TENANT, NOORD, now.year, now.quarter],
    );
    expect(unsent).toBe(0);

    await context.setOffline(false);
    await waitUntilAllSent(page);
    const { rows } = await db.query(
      `select theme, grade, organisation_id from neighbourhood_grades
       where created_by = $1 and neighbourhood_code = $2 and year = $3 and quarter = $4 and deleted_at is null
       order by theme`,
      [TENANT, NOORD, now.year, now.quarter],
    );
    expect(rows).toEqual([
      { theme: 'samen', grade: 8, organisation_id: '0a000000-0000-4000-8000-000000000021' },
      { theme: 'schoon', grade: 7, organisation_id: '0a000000-0000-4000-8000-000000000021' },
      { theme: 'veilig', grade: 4, organisation_id: '0a000000-0000-4000-8000-000000000021' },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('grades that arrive from the server while a tenant picks leave their picks alone', async () => {
    const now = quarterOf(new Date());
    const quarter = [TENANT, OTHER, now.year, now.quarter];
    // This quarter holds schoon 6 and samen 6 from the seed; groen is not graded yet.
    await db.query(
      `update neighbourhood_grades set deleted_at = now()
       where created_by = $1 and neighbourhood_code = $2 and year = $3 and quarter = $4
         and theme not in ('schoon', 'samen') and deleted_at is null`,
      quarter,
    );
    await db.query(
      `update neighbourhood_grades set grade = 6
       where created_by = $1 and neighbourhood_code = $2 and year = $3 and quarter = $4
         and deleted_at is null`,
      quarter,
    );
    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    const grades = new GradePage(page);
    await signIn(page, 'huurder');
    await page.goto(`${appUrl}/buurtcijfer`);
    await grades.buurt.selectOption(OTHER);
    await expect.poll(() => grades.grade('Samen', 6).isChecked(), { timeout: 10_000 }).toBe(true);

    // The tenant picks two grades and has not saved yet.
    await grades.grade('Schoon', 3).check();
    await grades.grade('Heel', 8).check();
    // Meanwhile their other phone changed schoon and samen and added groen.
    await db.query(
      `update neighbourhood_grades set grade = case theme when 'schoon' then 9 else 4 end
       where created_by = $1 and neighbourhood_code = $2 and year = $3 and quarter = $4
         and deleted_at is null`,
      quarter,
    );
    await db.query(
      `insert into neighbourhood_grades
         (id, neighbourhood_code, year, quarter, theme, grade, created_by, organisation_id)
       values (gen_random_uuid(), $2, $3, $4, 'groen', 2, $1, '0a000000-0000-4000-8000-000000000021')`,
      quarter,
    );
    // Coming online pulls those changes.
    await context.setOffline(true);
    await context.setOffline(false);
    // Untouched themes follow the server; the picks stay.
    await expect.poll(() => grades.grade('Groen', 2).isChecked(), { timeout: 30_000 }).toBe(true);
    await expect.poll(() => grades.grade('Samen', 4).isChecked(), { timeout: 10_000 }).toBe(true);
    expect(await grades.grade('Schoon', 3).isChecked()).toBe(true);
    expect(await grades.grade('Heel', 8).isChecked()).toBe(true);

    await grades.save.click();
    await grades.saved.waitFor();
    // The badge may still show the state from before the save: wait for the rows instead (the
    // new theme and the changed one travel in one push, so four rows means both arrived).
    const rows = await waitForRows(
      db,
      `select theme, grade from neighbourhood_grades
       where created_by = $1 and neighbourhood_code = $2 and year = $3 and quarter = $4
         and deleted_at is null
       order by theme`,
      quarter,
      { count: 4, timeout: 30_000 },
    );
    expect(rows).toEqual([
      { theme: 'groen', grade: 2 },
      { theme: 'heel', grade: 8 },
      { theme: 'samen', grade: 4 },
      { theme: 'schoon', grade: 3 },
    ]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a professional has no grade tile and is told the screen is for tenants', async () => {
    const { context, page, problems } = await openPhone();
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, 'smederij');
    await page.getByRole('main').getByRole('link', { name: 'Wijkschouw' }).waitFor();
    expect(await page.getByRole('link', { name: 'Cijfer voor je buurt' }).count()).toBe(0);
    await page.goto(`${appUrl}/buurtcijfer`);
    await page.getByText('Alleen huurders geven hun buurt een cijfer.').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
