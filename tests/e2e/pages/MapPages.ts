import type { Locator, Page } from 'playwright-core';

/** `/buurten`: the map, its controls, legend and the list of every buurt. */
export class MapPage {
  readonly heading: Locator;
  readonly map: Locator;
  readonly polygons: Locator;
  readonly clusters: Locator;
  readonly metric: Locator;
  readonly period: Locator;
  readonly list: Locator;
  readonly listLinks: Locator;
  readonly source: Locator;
  readonly legend: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Buurten', exact: true });
    this.map = page.getByRole('region', { name: 'Kaart van de buurten van Hoogeveen' });
    this.polygons = this.map.locator('path.leaflet-interactive');
    this.clusters = this.map.locator('.map-cluster');
    this.metric = page.getByLabel('Wat wil je zien?');
    this.period = page.getByLabel('Periode');
    this.list = page.locator('table.area-table');
    this.listLinks = this.list.getByRole('link');
    this.source = page.locator('.source-note');
    this.legend = page.locator('figure.legend');
  }

  async open(appUrl: string, query = ''): Promise<this> {
    await this.page.goto(`${appUrl}/buurten${query}`);
    await this.heading.waitFor();
    await this.rendered();
    return this;
  }

  /** Waits until the polygons (and clusters, if any) of the current view are drawn. */
  async rendered(): Promise<void> {
    await this.page.locator('.area-map[data-rendered="true"]').waitFor();
  }

  level(name: '48 buurten' | '13 wijken'): Locator {
    return this.page.getByRole('radio', { name });
  }

  /** The value the list gives a buurt. */
  valueOf(name: string): Locator {
    return this.list
      .getByRole('row')
      .filter({ has: this.page.getByRole('link', { name, exact: true }) })
      .locator('td');
  }
}

/** `/buurten/:code`: one buurt or wijk. */
export class NeighbourhoodPage {
  readonly targets: Locator;
  readonly keyFigures: Locator;
  /** Tenants' reactions to garden projects, one card each. */
  readonly gardenFeedback: Locator;
  /** Their counts and average grade. */
  readonly gardenFigures: Locator;

  constructor(readonly page: Page) {
    this.targets = page.locator('ul.targets > li');
    this.keyFigures = page.locator('dl.key-figures');
    this.gardenFeedback = page.locator('ul.garden-feedback > li');
    this.gardenFigures = page.getByRole('list', { name: 'Reacties op tuinprojecten in cijfers' });
  }

  heading(name: string): Locator {
    return this.page.getByRole('heading', { level: 1, name, exact: true });
  }

  /** The value shown for a key figure, by its label. */
  figure(label: string): Locator {
    return this.keyFigures
      .locator('.key-figure')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd');
  }
}
