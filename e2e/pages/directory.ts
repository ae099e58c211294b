import { expect, type Locator, type Page } from '@playwright/test';

/**
 * The experts directory. Locators use the test ids the renderer sets where the accessible
 * name would change with the UI language, so the same page object works in English and in
 * Bahasa Indonesia.
 */
export class DirectoryPage {
  readonly search: Locator;
  readonly rows: Locator;
  readonly resultCount: Locator;
  readonly list: Locator;
  readonly noResults: Locator;
  readonly emptyDirectory: Locator;

  constructor(readonly page: Page) {
    this.search = page.getByTestId('search-input');
    this.rows = page.getByTestId('expert-row');
    this.resultCount = page.getByTestId('result-count');
    this.list = page.getByTestId('expert-list');
    this.noResults = page.getByTestId('no-results');
    this.emptyDirectory = page.getByTestId('empty-directory');
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
