import { expect, type Locator, type Page } from '@playwright/test';

/**
 * One expert's page: profile, photo, portfolio, and the archive / restore / history actions,
 * found by role and English accessible name; dialogs by their titles.
 */
export class ExpertPage {
  readonly name: Locator;
  readonly status: Locator;
  readonly archivedNotice: Locator;
  readonly portfolioItems: Locator;
  readonly historyDrawer: Locator;

  constructor(readonly page: Page) {
    this.name = page.getByRole('main').getByRole('heading', { level: 1 });
    this.status = page.getByRole('status', { name: 'Status of this expert' });
    this.archivedNotice = page.getByRole('alert', { name: 'This expert is archived.' });
    this.portfolioItems = page.getByRole('region', { name: 'Portfolio', exact: true }).getByRole('listitem');
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
    await this.page.getByRole('button', { name: 'Edit', exact: true }).click();
  }

  /** The same header button archives or restores; its name says which. */
  async archive(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Archive', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Archive / });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Archive', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async restore(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: 'Restore', exact: true }).click();
    const dialog = this.page.getByRole('dialog', { name: /^Restore / });
    await dialog.getByRole('textbox', { name: 'Reason' }).fill(reason);
    await dialog.getByRole('button', { name: 'Restore', exact: true }).click();
    await expect(dialog).toBeHidden();
  }

  async openHistory(): Promise<void> {
    await this.page.getByRole('button', { name: 'History', exact: true }).click();
    await expect(this.historyDrawer).toBeVisible();
  }

  /** The history opens on the edited fields; this shows every field. */
  async showAllHistory(): Promise<void> {
    const onlyChanged = this.historyDrawer.getByRole('switch', { name: 'Only fields changed since the record was created' });
    await onlyChanged.uncheck();
    await expect(onlyChanged).not.toBeChecked();
  }

  /** The history of one field of the expert, by the field's label, e.g. 'Position'. */
  historyOf(label: string): Locator {
    return this.historyDrawer.getByRole('region', { name: label, exact: true });
  }

  /** The values a field has had, newest first. */
  historyEntries(label: string): Locator {
    return this.historyOf(label).getByRole('listitem');
  }

  async back(): Promise<void> {
    await this.page.getByRole('button', { name: 'Back to experts' }).click();
  }
}
