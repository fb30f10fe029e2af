import type { Locator, Page } from 'playwright-core';

/** `/inloggen/code`: ask for a code by email, then type it in. */
export class CodeLoginPage {
  readonly heading: Locator;
  readonly email: Locator;
  readonly send: Locator;
  readonly sentNotice: Locator;
  readonly code: Locator;
  readonly submit: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Inloggen met een code' });
    this.email = page.getByLabel('E-mailadres');
    this.send = page.getByRole('button', { name: 'Stuur mij een code' });
    this.sentNotice = page.getByRole('status').filter({ hasText: 'We hebben een e-mail gestuurd' });
    this.code = page.getByLabel('Code uit de e-mail (6 cijfers)');
    this.submit = page.getByRole('button', { name: 'Inloggen', exact: true });
  }

  async requestCode(email: string): Promise<void> {
    await this.heading.waitFor();
    await this.email.fill(email);
    await this.send.click();
    await this.sentNotice.waitFor();
  }

  async enterCode(code: string): Promise<void> {
    await this.code.fill(code);
    await this.submit.click();
  }
}
