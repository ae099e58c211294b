import { expect, type Locator, type Page } from '@playwright/test';

export interface PortfolioDraft {
  kind?: string; // the option's label, e.g. 'Publication'
  title: string;
  year?: number;
  link?: string;
  description?: string;
}

export interface PhotoFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** The create / edit form of an expert (English labels). */
export class ExpertFormPage {
  readonly form: Locator;
  readonly givenName: Locator;
  readonly familyName: Locator;
  readonly agency: Locator;
  readonly position: Locator;
  readonly email: Locator;
  readonly phone: Locator;
  readonly photoInput: Locator;
  readonly photoError: Locator;
  readonly photoPreview: Locator;
  readonly drafts: Locator;

  constructor(readonly page: Page) {
    // The form is named by its heading: "New expert" or "Edit <name>".
    this.form = page.getByRole('form', { name: /^(New expert|Edit .+)$/ });
    const textbox = (name: string) => this.form.getByRole('textbox', { name, exact: true });
    this.givenName = textbox('Given name');
    this.familyName = textbox('Family name');
    this.agency = textbox('Agency');
    this.position = textbox('Position');
    this.email = textbox('Email');
    this.phone = textbox('Phone');
    const photo = this.form.getByRole('region', { name: 'Photo', exact: true });
    this.photoInput = photo.getByLabel('Photo', { exact: true });
    this.photoError = photo.getByRole('alert');
    this.photoPreview = page.getByRole('img', { name: 'Photo preview' });
    this.drafts = this.form.getByRole('region', { name: 'Portfolio', exact: true }).getByRole('group', { name: /^Portfolio item \d+$/ });
  }

  async openNew(): Promise<void> {
    await this.page.getByRole('navigation').getByRole('link', { name: 'New expert', exact: true }).click();
    await expect(this.page.getByRole('heading', { name: 'New expert', level: 1 })).toBeVisible();
  }

  /** Picks an option of a Mantine Select by the field's label and the option's label. */
  async choose(label: string, option: string): Promise<void> {
    await this.form.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('option', { name: option, exact: true }).click();
  }

  async setCountry(country: string): Promise<void> {
    await this.choose('Country', country);
  }

  async setNameOrder(order: 'Given name first' | 'Family name first' | 'Given name only'): Promise<void> {
    await this.choose('Name order', order);
  }

  async choosePhoto(file: PhotoFile): Promise<void> {
    await this.photoInput.setInputFiles(file);
  }

  async addPortfolioItem(item: PortfolioDraft): Promise<void> {
    await this.form.getByRole('button', { name: 'Add portfolio item' }).click();
    const draft = this.drafts.last();
    if (item.kind) {
      await draft.getByRole('combobox', { name: 'Kind', exact: true }).click();
      await this.page.getByRole('option', { name: item.kind, exact: true }).click();
    }
    await draft.getByRole('textbox', { name: 'Title', exact: true }).fill(item.title);
    if (item.year !== undefined) await draft.getByRole('textbox', { name: 'Year', exact: true }).fill(String(item.year));
    if (item.link !== undefined) await draft.getByRole('textbox', { name: 'Link', exact: true }).fill(item.link);
    if (item.description !== undefined) await draft.getByRole('textbox', { name: 'Description', exact: true }).fill(item.description);
  }

  async create(): Promise<void> {
    await this.form.getByRole('button', { name: 'Create expert' }).click();
  }

  async save(): Promise<void> {
    await this.form.getByRole('button', { name: 'Save changes' }).click();
  }

  /** A field shows its problem as the input's accessible description and marks itself invalid. */
  async expectFieldError(field: Locator, message: string | RegExp): Promise<void> {
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
  }
}
