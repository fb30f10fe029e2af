import type { Locator, Page } from 'playwright-core';

/** `/wijkschouw`: the walks on this device. */
export class WalkListPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Wijkschouw' });
    this.newButton = page.getByRole('link', { name: 'Wijkschouw plannen' });
    this.cards = page.locator('.card');
  }

  card(text: string): Locator {
    return this.cards.filter({ hasText: text });
  }
}

/** `/wijkschouw/nieuw`: plan a walk. */
export class NewWalkPage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly buurt: Locator;
  readonly date: Locator;
  readonly notes: Locator;
  readonly save: Locator;
  readonly alert: Locator;
  /** The notice that what was typed last time is back. */
  readonly draftRestored: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Wijkschouw plannen' });
    this.draftRestored = page
      .getByRole('status')
      .filter({ hasText: 'We hebben teruggezet wat je de vorige keer had ingevuld.' });
    this.title = page.getByLabel('Naam van de wijkschouw');
    this.buurt = page.getByLabel('Buurt', { exact: true });
    this.date = page.getByLabel('Datum');
    this.notes = page.getByLabel('Notities (mag je overslaan)');
    this.save = page.getByRole('button', { name: 'Wijkschouw opslaan' });
    this.alert = page.locator('form [role="alert"]');
  }

  organisation(name: string): Locator {
    return this.page.getByRole('checkbox', { name, exact: true });
  }

  people(name: string): Locator {
    return this.page.getByLabel(`Aantal mensen van ${name}`);
  }
}

/** `/wijkschouw/:id`: one walk. */
export class WalkDetailPage {
  readonly addObservation: Locator;
  readonly summary: Locator;
  readonly observations: Locator;

  constructor(readonly page: Page) {
    this.addObservation = page.getByRole('link', { name: 'Waarneming toevoegen' });
    this.summary = page.getByRole('link', { name: 'Verslag om te printen' });
    this.observations = page.locator('.card');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }
}

/** `/wijkschouw/:id/verslag`: the printable summary. */
export class WalkSummaryPage {
  readonly print: Locator;
  readonly map: Locator;
  readonly items: Locator;
  readonly photos: Locator;

  constructor(readonly page: Page) {
    this.print = page.getByRole('button', { name: 'Printen of opslaan als pdf' });
    this.map = page.getByRole('img', { name: /^Kaart van / });
    this.items = page.locator('.walk-summary__item');
    this.photos = page.locator('.walk-summary__photos img');
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: `Verslag: ${title}` });
  }
}
