import type { UserRecord } from '../../../../shared/contract/vetting';
import { countryName, type Locale, type Translate } from '../../i18n';

/** "Siti Rahma — Reviewer, Indonesia": who a user is, as the lists and the profile say it. */
export function describePerson(u: Pick<UserRecord, 'name' | 'role' | 'country'>, locale: Locale, t: Translate): string {
  return t('oversight.person', { name: u.name, role: t(`sync.role.${u.role}`), scope: u.country ? countryName(locale, u.country) : t('sync.scope.region') });
}
