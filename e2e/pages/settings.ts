import { type Locator, type Page } from '@playwright/test';

/** Settings: language, colour scheme, demo data, about. */
export class SettingsPage {
  readonly languageSwitch: Locator;
  readonly colorSchemeSwitch: Locator;
  readonly about: Locator;

  constructor(readonly page: Page) {
    this.languageSwitch = page.getByTestId('language-switch');
    this.colorSchemeSwitch = page.getByTestId('color-scheme-switch');
    this.about = page.getByTestId('about-table');
  }

  /** Opens Settings from the navigation; `label` is the link's text in the current language. */
  async open(label = 'Settings'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  }

  /** Language names are written in their own language, so this works whatever the current one. */
  async chooseLanguage(name: 'English' | 'Bahasa Indonesia'): Promise<void> {
    await this.languageSwitch.getByText(name, { exact: true }).click();
  }
}
