/**
 * Hardening in the browser (issue 7): free text with markup is shown as text on the list and the
 * detail page (no element is made from it, no handler runs), and every route loads under the
 * Content-Security-Policy without a single violation report.
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { accessibilityPaths } from '../../src/features/accessibility/paths.ts';
import { authPaths } from '../../src/features/auth/paths.ts';
import { upcomingFeatures } from '../../src/features/home/upcoming.ts';
import { observationPaths } from '../../src/features/observations/paths.ts';
import { privacyPaths } from '../../src/features/privacy/paths.ts';
import { syncPath } from '../../src/features/sync/paths.ts';
import { blockMapTiles, useE2E } from '../support/e2e.ts';
import { NewObservationPage, ObservationListPage } from './pages/ObservationPages.ts';

const { appUrl, db, openPhone, signIn } = useE2E();

/** Records CSP violation reports (the event every blocked load or inline script fires). */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __csp: string[] }).__csp = seen;
    document.addEventListener('securitypolicyviolation', (e) => {
      seen.push(
        `${e.violatedDirective} blocked ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`,
      );
    });
  });
  return () => page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
}

describe('free text is text', () => {
  test('markup in a description and a comment shows as text on list and detail; nothing runs', async () => {
    const { page, context, problems } = await openPhone();
    const violations = await watchCsp(page);
    const tag = randomUUID().slice(0, 8);
    const typed = `<img src=x onerror="window.__xss='typed'"> <b>vet</b> ${tag}`;
    // One from another person, arriving through sync, with a comment.
    const pulled = `<img src=x onerror="window.__xss='pulled'"><script>window.__xss='script'</script> ${tag}`;
    const id = randomUUID();
    await db.query(
      `insert into observations (id, category_code, location, description, created_by, reporter_organisation_id)
       values ($1, 'schoon.graffiti', '(6.47908,52.72469)', $2, '0b000000-0000-4000-8000-000000000001',
         '0a000000-0000-4000-8000-000000000001')`,
      [id, pulled],
    );
    await db.query(
      `insert into observation_events (id, observation_id, kind, body, created_by, author_role)
       values ($1, $2, 'comment', $3, '0b000000-0000-4000-8000-000000000001', 'gemeente')`,
      [
        randomUUID(),
        id,
        `<svg onload="window.__xss='svg'"></svg><a href="javascript:alert(1)">klik</a> ${tag}`,
      ],
    );

    await signIn(page, 'smederij');
    const form = new NewObservationPage(page);
    await page.goto(`${appUrl}${observationPaths.new}`);
    await form.heading.waitFor();
    await form.category.selectOption('heel.verlichting');
    await form.description.fill(typed);
    await form.buurt.selectOption('BU01185000');
    await form.save.click();

    const list = new ObservationListPage(page);
    await list.card(typed).waitFor();
    await list.card(pulled).waitFor({ timeout: 30_000 });
    expect(await list.card(typed).locator('.card__text').textContent()).toBe(typed);
    expect(await list.card(pulled).locator('.card__text').textContent()).toBe(pulled);
    const main = page.locator('main');
    expect(await main.locator('img, script, svg, b, a[href^="javascript"]').count()).toBe(0);

    await page.goto(`${appUrl}${observationPaths.detail(id)}`);
    await page.getByText(pulled, { exact: true }).waitFor();
    await page.getByText(`klik</a> ${tag}`, { exact: false }).waitFor();
    expect(await main.locator('img, script, svg, a[href^="javascript"]').count()).toBe(0);

    expect(
      await page.evaluate(() => (window as unknown as { __xss?: string }).__xss),
    ).toBeUndefined();
    expect(await violations()).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});

describe('Content-Security-Policy', () => {
  test('every route loads without a violation, signed out and signed in as each role', async () => {
    const [{ id: observation }] = (
      await db.query<{ id: string }>(
        `select id from observations where not sensitive order by id limit 1`,
      )
    ).rows as [{ id: string }];
    const publicRoutes = [
      authPaths.login,
      authPaths.loginWithCode,
      privacyPaths.statement,
      '/bestaat-niet',
    ];
    const signedInRoutes = [
      '/',
      observationPaths.list,
      observationPaths.new,
      observationPaths.detail(observation),
      accessibilityPaths.list,
      accessibilityPaths.new,
      syncPath,
      privacyPaths.statement,
      privacyPaths.audit,
      privacyPaths.requests,
      '/groene-tuinen/nieuw',
      '/wijkschouw/nieuw',
      '/buurten/vergelijk',
      '/buurten/BU01185000',
      ...upcomingFeatures.map((f) => f.path),
    ];
    const visited: string[] = [];
    for (const who of [null, 'gemeente', 'huurder'] as const) {
      const { page, context, problems } = await openPhone();
      const violations = await watchCsp(page);
      await blockMapTiles(context);
      if (who) await signIn(page, who);
      for (const route of who ? signedInRoutes : publicRoutes) {
        await page.goto(`${appUrl}${route}`);
        await page.locator('main h1').first().waitFor();
        // Let lazy chunks, images and data requests finish.
        await page.waitForLoadState('networkidle');
        visited.push(`${who ?? 'signed out'} ${route}`);
        expect(await violations(), `${who} ${route}`).toEqual([]);
        // Nothing sticks out sideways on a phone: a page that pans is hard to use with one hand.
        const overflow = await page.evaluate(() => {
          const width = document.documentElement.clientWidth;
          const wide = [...document.querySelectorAll<HTMLElement>('main *')]
            .filter((el) => el.getBoundingClientRect().right > width + 1)
            .filter((el) => !el.closest('.table-scroll, .leaflet-container, [data-scrolls]'))
            .slice(0, 3)
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
          return { scroll: document.documentElement.scrollWidth - width, wide };
        });
        expect(overflow, `${who} ${route}`).toEqual({ scroll: 0, wide: [] });
      }
      expect(problems).toEqual([]);
      await context.close();
    }
    expect(visited.length).toBe(publicRoutes.length + 2 * signedInRoutes.length);
  });
});
