import type { Locator, Page } from 'playwright-core';

/** `/inloggen`: email address and password. */
export class LoginPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly password: Locator;
  readonly submit: Locator;
  readonly alert: Locator;
  readonly useCodeLink: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Inloggen', exact: true });
    this.email = page.getByLabel('E-mailadres');
    this.password = page.getByLabel('Wachtwoord', { exact: true });
    this.submit = page.getByRole('button', { name: 'Inloggen', exact: true });
    this.alert = page.locator('form [role="alert"]');
    this.useCodeLink = page.getByRole('link', { name: 'Inloggen met een code per e-mail' });
  }

  async open(appUrl: string): Promise<this> {
    await this.page.goto(`${appUrl}/inloggen`);
    await this.heading.waitFor();
    return this;
  }

  async logIn(email: string, password: string): Promise<void> {
    await this.email.fill(email);
    await this.password.fill(password);
    await this.submit.click();
  }

  /** The error text shown under a field (tied to it with aria-describedby). */
  async fieldError(field: Locator): Promise<string | null> {
    const ids = await field.getAttribute('aria-describedby');
    if (!ids) return null;
    const errorId = ids.split(' ').find((id) => id.endsWith('-error'));
    return errorId ? this.page.locator(`#${errorId}`).textContent() : null;
  }
}
