import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import {
  accessibilityViolations,
  blockMapTiles,
  snapshot,
  useE2E,
  waitForServiceWorker,
  waitUntilAllSent,
  type DemoUser,
} from '../support/e2e.ts';
import { DEMO } from '../support/clients.ts';
import { AppShell } from './pages/AppShell.ts';
import { HomePage } from './pages/HomePage.ts';
import { LoginPage } from './pages/LoginPage.ts';
import { MapPage, NeighbourhoodPage } from './pages/MapPages.ts';

const { appUrl, db, openPhone, signIn } = useE2E();
const WOONCONCEPT = '0a000000-0000-4000-8000-000000000011';
/** The demo tenant's organisation. */
const SHDH = '0a000000-0000-4000-8000-000000000021';

/** Signs in and waits until the device holds the first pull, which the map draws from. */
async function signInAndPull(page: Page, who: DemoUser) {
  await signIn(page, who);
  // The first pull has landed on the device once the sending page names a time.
  await page.goto(`${appUrl}/versturen`);
  await page.getByText('Laatst verstuurd:').waitFor({ timeout: 30_000 });
}

/** A buurt of the demo tenant's wijk with 1 to 4 resolved observations: its row, or none. */
async function buurtWithFewResolved() {
  const { rows } = await db.query<{ code: string; name: string; n: number }>(
    `select n.code, n.name, count(o.id)::int as n from neighbourhoods n
     join observations o on o.neighbourhood_code = n.code and o.status = 'opgelost' and o.deleted_at is null
     where n.wijk_code = 'WK011850' group by 1, 2 having count(o.id) between 1 and 4 order by 1 limit 1`,
  );
  return rows;
}

describe('neighbourhood map', () => {
  test('a corporation opens the map, switches the measure, opens a buurt and sees its targets', async () => {
    const { context, page, problems } = await openPhone();
    await blockMapTiles(context);
    await signInAndPull(page, 'woonconcept');
    await page.goto(appUrl);
    await page
      .getByRole('main')
      .getByRole('link', { name: /^Buurten/ })
      .click();
    const map = new MapPage(page);
    await map.heading.waitFor();
    await map.rendered();
    expect(await map.polygons.count()).toBe(48);
    await expect.poll(() => map.listLinks.count()).toBe(48);
    await expect.poll(() => map.source.textContent()).toContain('actuele cijfers van de server');
    await snapshot(page, 'map-corporation');
    expect(await accessibilityViolations(page)).toEqual([]);
    // Zoom buttons a thumb can hit (44×44 CSS px), on a 390 px phone without sideways scrolling.
    await page.setViewportSize({ width: 390, height: 844 });
    for (const name of ['Inzoomen', 'Uitzoomen']) {
      const box = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
      expect(box.width).toBeGreaterThanOrEqual(44);
      expect(box.height).toBeGreaterThanOrEqual(44);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await page.setViewportSize({ width: 360, height: 740 });

    // Switch the measure: the legend, the list and the colours follow.
    const before = await map.polygons.evaluateAll((ps) => ps.map((p) => p.getAttribute('fill')));
    await map.metric.selectOption('share_accessible');
    await map.legend.getByText('Deel van de woningen toegankelijk').waitFor();
    await expect
      .poll(() => map.polygons.evaluateAll((ps) => ps.map((p) => p.getAttribute('fill'))))
      .not.toEqual(before);
    const { rows } = await db.query<{ share: string | null }>(
      `select round(count(*) filter (where class in ('toegankelijk', 'met_kleine_aanpassingen'))::numeric / count(*), 3)::text as share
       from accessibility_checks where neighbourhood_code = 'BU01185000' and deleted_at is null`,
    );
    const pct = `${Math.round(Number(rows[0]!.share) * 1000) / 10}`.replace('.', ',');
    await expect.poll(() => map.valueOf('Centrum').textContent()).toBe(`${pct}%`);

    // Export the current view as CSV and the map data as GeoJSON (made on the device).
    const [csvFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download als CSV' }).click(),
    ]);
    const csv = await readFile((await csvFile.path())!, 'utf8');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(49);
    expect(lines[0]).toContain('Deel van de woningen toegankelijk');
    // Shares as fractions with a decimal comma, as Dutch spreadsheets read them.
    expect(lines.find((l) => l.startsWith('BU01185000;Centrum;'))?.split(';')[2]).toBe(
      String(Number(rows[0]!.share)).replace('.', ','),
    );
    const [geoFile] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download kaartgegevens (GeoJSON)' }).click(),
    ]);
    const geo = JSON.parse(await readFile((await geoFile.path())!, 'utf8')) as {
      features: { properties: { code: string; metric: string } }[];
      attribution: string;
    };
    expect(geo.features).toHaveLength(48);
    expect(geo.features[0]!.properties.metric).toBe('share_accessible');
    expect(geo.attribution).toContain('Kadaster / CBS');

    // Wijken instead of buurten.
    await map.level('13 wijken').check();
    await expect.poll(() => map.polygons.count()).toBe(13);
    await map.level('48 buurten').check();
    await expect.poll(() => map.polygons.count()).toBe(48);

    // Open a buurt from the list: targets with the agreement they come from.
    await map.list.getByRole('link', { name: 'Centrum', exact: true }).click();
    const area = new NeighbourhoodPage(page);
    await area.heading('Centrum').waitFor();
    await area.targets.first().waitFor();
    const targets = await area.targets.allTextContents();
    expect(targets.some((x) => x.includes('Afspraak 3') && x.includes('90%'))).toBe(true);
    expect(targets.some((x) => x.includes('Afspraak 13') && x.includes('Woonconcept'))).toBe(true);
    await page.getByText('Meldingen per maand').waitFor();
    // Online, tenants' average grades per quarter come from the server (corporations cannot
    // read single grades, so their device has none).
    await page.getByText('Gemiddeld cijfer per thema per kwartaal').waitFor();
    await snapshot(page, 'buurt-centrum');
    // The printed report: the meeting's heading line, no buttons.
    await page.emulateMedia({ media: 'print' });
    await page.getByText(/Rapport voor het overleg over de prestatieafspraken/).waitFor();
    expect(await page.getByRole('button', { name: 'Rapport afdrukken' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    expect(await accessibilityViolations(page)).toEqual([]);

    // Corporations can filter to their own homes and projects.
    await page.goto(`${appUrl}/buurten?maat=gardens_done`);
    await map.rendered();
    await page.getByLabel('Alleen onze eigen woningen en projecten').check();
    await expect.poll(() => map.source.textContent()).toContain('alleen jullie eigen');

    await page.goto(`${appUrl}/buurten/vergelijk?a=BU01185000&b=BU01185001`);
    await page.getByRole('heading', { level: 1, name: 'Vergelijken' }).waitFor();
    await page.locator('table.compare-table').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test('a tenant does not see counts under five', async () => {
    const rows = await buurtWithFewResolved();
    expect(rows).toHaveLength(1);
    const { code, name } = rows[0]!;
    const { context, page, problems } = await openPhone();
    await blockMapTiles(context);
    await signInAndPull(page, 'huurder');
    await page.goto(`${appUrl}/buurten/${code}`);
    const area = new NeighbourhoodPage(page);
    await area.heading(name).waitFor();
    await area.keyFigures.waitFor();
    await page
      .getByText('Kleine aantallen (minder dan 5) laten we niet zien.', { exact: false })
      .waitFor();
    await expect.poll(() => area.figure('Opgelost').textContent()).toBe('Minder dan 5');
    expect(await area.figure('Tijd tot oplossen (middelste)').textContent()).toBe('Geen cijfer');
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("tenants' feedback on garden projects: professionals see it all without names, a tenant only their own", async () => {
    const tag = randomUUID().slice(0, 8);
    const title = `Tuinaanpak buurtpagina ${tag}`;
    const { rows: made } = await db.query<{ id: string }>(
      `insert into garden_projects (id, corporation_id, title, location, status, households, created_by)
       values (gen_random_uuid(), $1, $2, '(6.47908,52.72469)', 'uitgevoerd', 3, $3) returning id`,
      [WOONCONCEPT, title, DEMO.woonconcept],
    );
    const gardenId = made[0]!.id;
    // The demo tenant's reaction, and one whose author was erased (another tenant, once).
    await db.query(
      `insert into garden_project_events (id, garden_project_id, kind, body, rating, thumb, created_by, author_role, organisation_id)
       values (gen_random_uuid(), $1, 'feedback', $2, 4, 1, $3, 'huurder', $4),
              (gen_random_uuid(), $1, 'feedback', $5, 2, -1, null, 'huurder', $4)`,
      [gardenId, `Mooi groen ${tag}`, DEMO.huurder, SHDH, `Te weinig bomen ${tag}`],
    );
    /** The feedback on live garden projects in Centrum that `who` may read, as figures. */
    const expected = async (onlyBy?: string) => {
      const { rows } = await db.query<{ n: number; up: number; down: number }>(
        `select count(*)::int as n, count(*) filter (where e.thumb = 1)::int as up,
           count(*) filter (where e.thumb = -1)::int as down
         from garden_project_events e join garden_projects g on g.id = e.garden_project_id
         where g.neighbourhood_code = 'BU01185000' and g.deleted_at is null and e.deleted_at is null
           and e.kind = 'feedback' and ($1::uuid is null or e.created_by = $1)`,
        [onlyBy ?? null],
      );
      return rows[0]!;
    };

    // A corporation: every reaction, labelled as about garden projects, and no names.
    const pro = await openPhone();
    await blockMapTiles(pro.context);
    await signInAndPull(pro.page, 'woonconcept');
    await pro.page.goto(`${appUrl}/buurten/BU01185000`);
    const area = new NeighbourhoodPage(pro.page);
    await area.heading('Centrum').waitFor();
    await area.gardenFeedback.filter({ hasText: `Mooi groen ${tag}` }).waitFor();
    const mine = area.gardenFeedback.filter({ hasText: `Mooi groen ${tag}` });
    expect(await mine.textContent()).toContain(`Tuinproject: ${title}`);
    expect(await mine.textContent()).toContain('Goed');
    expect(await mine.textContent()).toContain('4 van 5 sterren');
    await area.gardenFeedback.filter({ hasText: `Te weinig bomen ${tag}` }).waitFor();
    const all = await expected();
    expect(await area.gardenFigures.textContent()).toContain(
      `Reacties: ${all.n} · Goed: ${all.up} · Niet goed: ${all.down}`,
    );
    expect(await pro.page.getByRole('main').textContent()).not.toMatch(/Hanneke|SHDH/);
    await snapshot(pro.page, 'buurt-garden-feedback');
    expect(await accessibilityViolations(pro.page)).toEqual([]);
    expect(pro.problems).toEqual([]);
    await pro.context.close();

    // The tenant: only their own reaction (RLS), said so, and their count under five hidden.
    const { context, page, problems } = await openPhone();
    await blockMapTiles(context);
    await signInAndPull(page, 'huurder');
    await page.goto(`${appUrl}/buurten/BU01185000`);
    const tenantArea = new NeighbourhoodPage(page);
    await tenantArea.heading('Centrum').waitFor();
    await tenantArea.gardenFeedback.filter({ hasText: `Mooi groen ${tag}` }).waitFor();
    await page.getByText('Hier staan alleen je eigen reacties op tuinprojecten.').waitFor();
    expect(
      await tenantArea.gardenFeedback.filter({ hasText: `Te weinig bomen ${tag}` }).count(),
    ).toBe(0);
    const own = await expected(DEMO.huurder);
    expect(own.n).toBeLessThan(5);
    expect(await tenantArea.gardenFigures.textContent()).toContain('Reacties: Minder dan 5');
    expect(await tenantArea.gardenFigures.textContent()).toContain(
      'Gemiddeld aantal sterren (1 tot 5): Geen cijfer',
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });

  test("the next person signing in on the same page never gets the previous one's server figures", async () => {
    const rows = await buurtWithFewResolved();
    const { name, n } = rows[0]!;
    const { context, page, problems } = await openPhone();
    await blockMapTiles(context);
    const area = new NeighbourhoodPage(page);
    const openInApp = async () => {
      // Through the app's own links: a page load would start with an empty cache anyway.
      await new AppShell(page).brand.click();
      await new HomePage(page).tiles.filter({ hasText: 'Buurten' }).click();
      await new MapPage(page).list.getByRole('link', { name, exact: true }).click();
      await area.heading(name).waitFor();
      await area.keyFigures.waitFor();
    };
    await signInAndPull(page, 'gemeente');
    await openInApp();
    // The municipality sees the small count itself (from the server: it is online).
    await expect.poll(() => area.figure('Opgelost').textContent()).toBe(String(n));
    await new AppShell(page).signOut();
    await new LoginPage(page).logIn('huurder@demo.buurtpeil.nl', 'buurtpeil-demo');
    await waitUntilAllSent(page);
    await openInApp();
    await expect.poll(() => area.figure('Opgelost').textContent()).toBe('Minder dan 5');
    expect(problems).toEqual([]);
    await context.close();
  });

  test("a server that does not answer does not keep the figures away: the device's show", async () => {
    const { context, page, problems } = await openPhone();
    await blockMapTiles(context);
    await signInAndPull(page, 'woonconcept');
    // Online, but the figures never come back (a dead spot with one bar of signal).
    await context.route('**/rest/v1/rpc/neighbourhood_progress**', () => undefined);
    const area = new NeighbourhoodPage(page);
    await page.goto(`${appUrl}/buurten/BU01185000`);
    await area.heading('Centrum').waitFor();
    await area.keyFigures.waitFor({ timeout: 15_000 });
    expect(await page.locator('.source-note').textContent()).toContain(
      'Je ziet de cijfers die op dit toestel staan',
    );
    expect(problems).toEqual([]);
    await context.close();
  });

  test('offline the map still draws every buurt and shows the figures on the device', async () => {
    const { context, page, problems } = await openPhone();
    await blockMapTiles(context);
    await signInAndPull(page, 'gemeente');
    await waitForServiceWorker(page);
    const area = new NeighbourhoodPage(page);
    const LABELS = [
      'Open meldingen',
      'Opgelost',
      'Gesloten zonder actie',
      'Tijd tot oplossen (middelste)',
      'Groene tuinen klaar',
      'Tegels eruit',
      'Woningen gecontroleerd',
      'Deel toegankelijk',
    ];
    const figuresOf = async (name: string) => {
      await area.heading(name).waitFor();
      await area.keyFigures.waitFor();
      return Promise.all(LABELS.map((l) => area.figure(l).textContent()));
    };
    // A wijk and one of its buurten, online: the server's figures.
    await page.goto(`${appUrl}/buurten/WK011850`);
    const { rows: wijk } = await db.query<{ name: string }>(
      `select name from neighbourhoods where code = 'WK011850'`,
    );
    const wijkName = wijk[0]!.name;
    const wijkOnline = await figuresOf(wijkName);
    await page.goto(`${appUrl}/buurten/BU01185000`);
    const centrumOnline = await figuresOf('Centrum');
    const map = await new MapPage(page).open(appUrl);
    await expect.poll(() => map.source.textContent()).toContain('server');
    const online = await map.valueOf('Centrum').textContent();

    await context.setOffline(true);
    await page.reload();
    await map.heading.waitFor();
    await map.rendered();
    expect(await map.polygons.count()).toBe(48);
    await expect.poll(() => map.source.textContent()).toContain('op dit toestel');
    // The municipality's device holds every record, so its figures equal the server's.
    expect(await map.valueOf('Centrum').textContent()).toBe(online);
    // Zoomed in, observations show as clusters, from the device.
    await page.goto(`${appUrl}/buurten?z=14`).catch(() => undefined);
    await map.rendered();
    await expect.poll(() => map.clusters.count()).toBeGreaterThan(0);
    await snapshot(page, 'map-offline-clusters');
    // The area pages compute from their own buurten's records only, and still agree.
    await page.goto(`${appUrl}/buurten/BU01185000`).catch(() => undefined);
    await expect.poll(() => page.locator('.source-note').textContent()).toContain('op dit toestel');
    expect(await figuresOf('Centrum')).toEqual(centrumOnline);
    await page.goto(`${appUrl}/buurten/WK011850`).catch(() => undefined);
    await expect.poll(() => page.locator('.source-note').textContent()).toContain('op dit toestel');
    expect(await figuresOf(wijkName)).toEqual(wijkOnline);
    expect(problems).toEqual([]);
    await context.setOffline(false);
    await context.close();
  });

  test('the keyboard reaches every buurt through the list', async () => {
    const { context, page } = await openPhone();
    await blockMapTiles(context);
    await signInAndPull(page, 'smederij');
    const map = await new MapPage(page).open(appUrl);
    const expected = await map.listLinks.evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(expected).toHaveLength(48);
    await map.metric.focus();
    const reached = new Set<string>();
    for (let i = 0; i < 120 && reached.size < 48; i++) {
      await page.keyboard.press('Tab');
      const href = await page.evaluate(() =>
        document.activeElement?.closest('table.area-table')
          ? document.activeElement.getAttribute('href')
          : null,
      );
      if (href) reached.add(href);
    }
    expect([...reached].sort()).toEqual([...expected].sort());
    // Enter opens the focused buurt.
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/buurten\/BU/);
    await context.close();
  });
});
