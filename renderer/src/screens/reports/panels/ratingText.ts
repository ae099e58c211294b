import type { MessageKey, Translate } from '../../../i18n';
import type { RatingField, Rating, SectionField } from './model';

/** Names of the Blueprint's characteristics, the case-study dimensions, the levels and the sections, in the curator's language. */

export const ratingFieldName = (t: Translate, field: RatingField) => t(`reportPanels.characteristic.${field}` as MessageKey);
export const ratingFieldHint = (t: Translate, field: RatingField) => t(`reportPanels.characteristicHint.${field}` as MessageKey);
export const ratingLevelName = (t: Translate, level: Rating | null) => t(`reportPanels.rating.${level ?? 'none'}` as MessageKey);
export const sectionName = (t: Translate, section: SectionField) => t(`reportPanels.section.${section}` as MessageKey);

/**
 * A colour per level, always drawn with its name (never colour alone): grey for no evidence,
 * then warmer to stronger. Mantine palette names, so dark mode gets its own shades.
 */
export const ratingColor: Record<Rating, string> = { not_evident: 'gray', emerging: 'yellow', evident: 'teal', strong: 'green' };
