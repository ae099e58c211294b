import { type Locator, type Page } from '@playwright/test';
import { inAnyLanguage } from '../texts';

/** Settings: language, colour scheme, demo data, about; by role and name in either UI language. */
export class SettingsPage {
  readonly languageSwitch: Locator;
  readonly colorSchemeSwitch: Locator;
  readonly about: Locator;

  constructor(readonly page: Page) {
    this.languageSwitch = page.getByRole('radiogroup', { name: inAnyLanguage('settings.language') });
    this.colorSchemeSwitch = page.getByRole('radiogroup', { name: inAnyLanguage('settings.colorScheme') });
    this.about = page.getByRole('region', { name: inAnyLanguage('settings.about') });
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
