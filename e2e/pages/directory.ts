import { expect, type Locator, type Page } from '@playwright/test';
import { inAnyLanguage } from '../texts';

/**
 * The experts directory, found by role and accessible name in either UI language, so the same
 * page object works in English and in Bahasa Indonesia.
 */
export class DirectoryPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly resultCount: Locator;
  readonly list: Locator;
  readonly noResults: Locator;
  readonly emptyDirectory: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByRole('combobox', { name: inAnyLanguage('directory.search.label') });
    this.list = page.getByRole('listbox', { name: inAnyLanguage('directory.list.label') });
    // An expert's row; a row whose page has not arrived yet is named "Loading…" and is not one.
    const loading = inAnyLanguage('directory.loadingRow').source;
    this.rows = this.list.getByRole('option', { name: new RegExp(`^(?!${loading})`) });
    this.resultCount = page.getByRole('status', { name: inAnyLanguage('directory.count.label') });
    this.noResults = page.getByRole('region', { name: inAnyLanguage('directory.noResults.title') });
    this.emptyDirectory = page.getByRole('region', { name: inAnyLanguage('directory.empty.title') });
  }

  /** Opens the directory from the navigation; `label` is the link's text in the current language. */
  async open(label = 'Experts'): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
  }

  row(name: string): Locator {
    return this.rows.filter({ hasText: name });
  }

  async searchFor(query: string): Promise<void> {
    await this.search.fill(query);
  }

  /** Waits until the list shows exactly these names, in any order. */
  async expectNames(names: string[]): Promise<void> {
    await expect(this.rows).toHaveCount(names.length);
    for (const name of names) await expect(this.row(name)).toBeVisible();
  }

  async openExpert(name: string): Promise<void> {
    await this.row(name).click();
  }
}
