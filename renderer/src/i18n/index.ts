export { I18nProvider, useI18n, useT, initialLocale } from './I18nProvider';
export * from './translate';
export { errorMessage, issueMessage, type IssueLike } from './errors';
export type { MessageKey, Dictionary } from './en';
export { zodParams } from './zodLocale';
