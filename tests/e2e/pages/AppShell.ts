import type { Locator, Page } from 'playwright-core';

/** The frame around every screen: header, menu, connection state, notices. */
export class AppShell {
  readonly brand: Locator;
  readonly skipLink: Locator;
  readonly connection: Locator;
  readonly offlineNotice: Locator;
  readonly languageSwitch: (name: 'English' | 'Nederlands') => Locator;
  readonly menuButton: Locator;
  readonly signOutButton: Locator;
  readonly updatePrompt: Locator;
  readonly updateReload: Locator;
  readonly updateLater: Locator;

  constructor(readonly page: Page) {
    const header = page.getByRole('banner');
    this.brand = header.getByRole('link', { name: 'Buurtpeil' });
    this.skipLink = page.getByRole('link', { name: 'Direct naar de inhoud' });
    this.connection = header.locator('.connection');
    this.offlineNotice = page.getByRole('status').filter({ hasText: 'Je bent offline' });
    this.languageSwitch = (name) => header.getByRole('button', { name, exact: true });
    this.menuButton = header.getByRole('button', { name: 'Menu' });
    this.signOutButton = page.getByRole('button', { name: 'Uitloggen' });
    this.updatePrompt = page.getByText('Er is een nieuwe versie van Buurtpeil.');
    this.updateReload = page.getByRole('button', { name: 'Herladen' });
    this.updateLater = page.getByRole('button', { name: 'Later' });
  }

  async connectionText(): Promise<string> {
    return ((await this.connection.textContent()) ?? '').trim();
  }

  async signOut(): Promise<void> {
    if (await this.menuButton.isVisible()) await this.menuButton.click();
    await this.signOutButton.click();
  }
}
