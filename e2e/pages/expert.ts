import { expect, type Locator, type Page } from '@playwright/test';

/**
 * One expert's page: profile, photo, portfolio, and the archive / restore / history actions.
 * The action buttons are found by test id (the same button archives or restores); dialogs by
 * their English titles.
 */
export class ExpertPage {
  readonly name: Locator;
  readonly status: Locator;
  readonly archivedNotice: Locator;
  readonly portfolioItems: Locator;
  readonly historyDrawer: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByTestId('expert-name');
    this.status = page.getByTestId('expert-status');
    this.archivedNotice = page.getByTestId('archived-notice');
    this.portfolioItems = page.getByTestId('portfolio-item');
    this.historyDrawer = page.getByRole('dialog', { name: 'History of changes' });
  }

  /** The profile photo; Mantine renders an <img> only once the photo's bytes have loaded. */
  photo(displayName: string): Locator {
    return this.page.getByRole('img', { name: `Photo of ${displayName}` });
  }

  async expectLoaded(displayName: string): Promise<void> {
    await expect(this.name).toHaveText(displayName);
  }

  async edit(): Promise<void> {
    await this.page.getByTestId('edit-expert').click();
  }

  async archive(reason: string): Promise<void> {
    await expect(this.page.getByTestId('archive-expert')).toHaveText('Archive');
    await this.page.getByTestId('archive-expert').click();
    const dialog = this.page.getByRole('dialog', { name: /^Archive / });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async restore(reason: string): Promise<void> {
    await expect(this.page.getByTestId('archive-expert')).toHaveText('Restore');
    await this.page.getByTestId('archive-expert').click();
    const dialog = this.page.getByRole('dialog', { name: /^Restore / });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async openHistory(): Promise<void> {
    await this.page.getByTestId('history-expert').click();
    await expect(this.historyDrawer).toBeVisible();
  }

  /** The history opens on the edited fields; this shows every field. */
  async showAllHistory(): Promise<void> {
    const onlyChanged = this.historyDrawer.getByRole('switch', { name: 'Only fields changed since the record was created' });
    await onlyChanged.uncheck();
    await expect(onlyChanged).not.toBeChecked();
  }

  /** The history of one field of the expert record, e.g. 'position'. */
  historyOf(field: string): Locator {
    return this.historyDrawer.getByTestId(`history-expert-${field}`);
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to experts' }).click();
  }
}
