import type { Locator, Page } from 'playwright-core';

/** `/waarnemingen/nieuw`: the form to log an observation. */
export class NewObservationPage {
  readonly heading: Locator;
  readonly category: Locator;
  readonly description: Locator;
  readonly useLocation: Locator;
  readonly locationStatus: Locator;
  readonly buurt: Locator;
  readonly photos: Locator;
  /** The small pictures of the chosen photos, before saving. */
  readonly chosenPhotos: Locator;
  readonly save: Locator;
  readonly alert: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Nieuwe waarneming' });
    this.category = page.getByLabel('Wat zie je?');
    this.description = page.getByLabel('Korte beschrijving');
    this.useLocation = page.getByRole('button', { name: 'Gebruik mijn plek' });
    this.locationStatus = page.locator('fieldset [role="status"]');
    this.buurt = page.getByLabel('Of kies de buurt');
    this.photos = page.getByLabel('Foto’s (hoogstens 5)');
    this.chosenPhotos = page.getByRole('list', { name: 'Gekozen foto’s' }).getByRole('img');
    this.save = page.getByRole('button', { name: 'Opslaan' });
    this.alert = page.locator('form [role="alert"]');
  }

  /** The button that removes chosen photo `n` (counting from 1), named after its file. */
  removePhoto(n: number, name: string): Locator {
    return this.page.getByRole('button', { name: `Verwijder foto ${n}: ${name}`, exact: true });
  }

  severity(n: number): Locator {
    return this.page.getByRole('radio', { name: new RegExp(`^${n}`) });
  }
}

/** `/waarnemingen`: the observations on this device. */
export class ObservationListPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Waarnemingen' });
    this.newButton = page.getByRole('link', { name: 'Nieuwe waarneming' });
    this.cards = page.locator('.card');
  }

  card(text: string): Locator {
    return this.cards.filter({ hasText: text });
  }
}
