import type { Locator, Page } from 'playwright-core';

/** `/groene-tuinen`: the garden projects on this device. */
export class GardenListPage {
  readonly heading: Locator;
  readonly newButton: Locator;
  readonly cards: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Groene tuinen' });
    this.newButton = page.getByRole('link', { name: 'Nieuw tuinproject' });
    this.cards = page.locator('.card');
  }

  card(text: string): Locator {
    return this.cards.filter({ hasText: text });
  }
}

/** `/groene-tuinen/nieuw` and `/groene-tuinen/:id`: the project form. */
export class GardenFormPage {
  readonly heading: Locator;
  readonly title: Locator;
  readonly address: Locator;
  readonly corporation: Locator;
  readonly buurt: Locator;
  readonly status: Locator;
  readonly households: Locator;
  readonly tilesRemoved: Locator;
  readonly greenAdded: Locator;
  readonly trees: Locator;
  readonly plants: Locator;
  readonly rainBarrels: Locator;
  readonly greenRoof: Locator;
  readonly facadeGarden: Locator;
  readonly beforePhoto: Locator;
  readonly afterPhoto: Locator;
  /** The after photo's preview with the before photo laid over it. */
  readonly overlay: Locator;
  readonly save: Locator;
  readonly alert: Locator;
  /** The notice that changes made last time are back (changing a saved project). */
  readonly changesRestored: Locator;
  readonly discardChanges: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /tuinproject/i });
    this.changesRestored = page
      .getByRole('status')
      .filter({ hasText: 'Je wijzigingen van de vorige keer staan er weer.' });
    this.discardChanges = page.getByRole('button', { name: 'Gooi je wijzigingen weg' });
    this.title = page.getByLabel('Naam van het project of complex');
    this.address = page.getByLabel('Adres', { exact: true });
    this.corporation = page.getByLabel('Woningcorporatie');
    this.buurt = page.getByLabel('Of kies de buurt');
    this.status = page.getByLabel('Status', { exact: true });
    this.households = page.getByLabel('Aantal huishoudens dat meedoet');
    this.tilesRemoved = page.getByLabel('Tegels eruit (m²)');
    this.greenAdded = page.getByLabel('Groen erbij (m²)');
    this.trees = page.getByLabel('Bomen geplant');
    this.plants = page.getByLabel('Planten geplant');
    this.rainBarrels = page.getByLabel('Regentonnen');
    this.greenRoof = page.getByLabel('Groen dak (m²)');
    this.facadeGarden = page.getByLabel('Er is een geveltuin gemaakt');
    this.beforePhoto = page.getByLabel('Foto vooraf', { exact: true });
    this.afterPhoto = page.getByLabel('Foto achteraf', { exact: true });
    this.overlay = page.locator('.overlay-frame');
    this.save = page.getByRole('button', { name: 'Opslaan' });
    this.alert = page.locator('form [role="alert"]');
  }

  /** The error shown under a field. */
  errorOf(field: Locator): Locator {
    return field
      .locator('xpath=ancestor::div[contains(@class,"field")][1]')
      .locator('.field__error');
  }
}

/** `/groene-tuinen/:id`: a project, its history, the tenants' feedback form and the professionals' note. */
export class GardenDetailPage {
  readonly editLink: Locator;
  readonly feedbackForm: Locator;
  readonly good: Locator;
  readonly notGood: Locator;
  readonly comment: Locator;
  readonly send: Locator;
  readonly saved: Locator;
  readonly mine: Locator;
  readonly reactions: Locator;
  readonly figures: Locator;
  /** A professional's note. */
  readonly note: Locator;
  readonly sendNote: Locator;
  readonly noteSaved: Locator;

  constructor(readonly page: Page) {
    this.editLink = page.getByRole('link', { name: 'Project aanpassen' });
    this.feedbackForm = page.getByRole('form', { name: 'Wat vind je van dit tuinproject?' });
    this.good = this.feedbackForm.getByLabel('Goed', { exact: true });
    this.notGood = this.feedbackForm.getByLabel('Niet goed', { exact: true });
    this.comment = this.feedbackForm.getByLabel('Korte uitleg (mag je overslaan)');
    this.send = this.feedbackForm.getByRole('button', { name: 'Reactie versturen' });
    this.saved = page.getByRole('status').filter({ hasText: 'Je reactie is opgeslagen' });
    this.mine = page.locator('ol.timeline > li');
    this.reactions = page.locator('ol.timeline > li');
    this.figures = page.getByRole('list', { name: 'Reacties in cijfers' });
    this.note = page.getByLabel('Opmerking toevoegen');
    this.sendNote = page.getByRole('button', { name: 'Opmerking opslaan' });
    this.noteSaved = page.getByRole('status').filter({ hasText: 'Je opmerking is opgeslagen' });
  }

  heading(title: string): Locator {
    return this.page.getByRole('heading', { level: 1, name: title });
  }

  /** A grade 1–5 in the feedback form. */
  grade(n: number): Locator {
    return this.feedbackForm
      .getByRole('group', { name: 'Hoeveel sterren geef je? (1 tot 5, mag je overslaan)' })
      .getByLabel(String(n), { exact: true });
  }
}
