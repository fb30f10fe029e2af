import type { Locator, Page } from 'playwright-core';

/** `/`: the start screen after login. */
export class HomePage {
  readonly heading: Locator;
  readonly tiles: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Welkom bij Buurtpeil' });
    this.tiles = page.getByRole('main').getByRole('listitem').getByRole('link');
  }

  signedInAs(email: string): Locator {
    return this.page.getByText(`Je bent ingelogd als ${email}.`);
  }

  async waitUntilShown(): Promise<this> {
    await this.heading.waitFor();
    return this;
  }
}
