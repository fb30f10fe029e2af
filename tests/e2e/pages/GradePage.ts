import type { Locator, Page } from 'playwright-core';

/** `/buurtcijfer`: a tenant's quarterly grades for their buurt. */
export class GradePage {
  readonly heading: Locator;
  readonly buurt: Locator;
  readonly save: Locator;
  readonly alert: Locator;
  readonly saved: Locator;
  readonly history: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Cijfer voor je buurt' });
    this.buurt = page.getByLabel('Welke buurt?');
    this.save = page.getByRole('button', { name: 'Cijfers opslaan' });
    this.alert = page.locator('form [role="alert"]');
    this.saved = page.getByText('Opgeslagen. Dank je wel!');
    this.history = page.getByRole('table');
  }

  /** The group of ten grades for a theme ("Schoon", "Heel", "Veilig", "Groen", "Samen"). */
  theme(name: string): Locator {
    return this.page.getByRole('group', { name, exact: true });
  }

  grade(theme: string, n: number): Locator {
    return this.theme(theme).getByRole('radio', { name: String(n), exact: true });
  }
}
