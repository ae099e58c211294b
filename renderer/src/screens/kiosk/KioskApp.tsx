import { MantineProvider, type MantineThemeOverride } from '@mantine/core';
import type { Api } from '../../api/client';
import { ApiProvider } from '../../api/ApiProvider';
import { I18nProvider, type Locale } from '../../i18n';
import { LocalizedDefaults } from '../../LocalizedDefaults';
import { TaxonomyProvider } from '../../taxonomy/TaxonomyProvider';
import { cssVariablesResolver } from '../../theme';
import { KioskScreen } from './KioskScreen';

/**
 * The kiosk's own tree: none of the curator app's providers (directory, sync status,
 * navigation) and so none of their calls. Its language starts as the curator chose and the
 * applicant may switch it; that choice is never saved as the curator's.
 */
export function KioskApp({ api, lang, theme, onExit }: { api: Api; lang: Locale; theme: MantineThemeOverride; onExit(): void }) {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <I18nProvider initial={lang} persist={false}>
        <ApiProvider api={api}>
          <TaxonomyProvider>
            <LocalizedDefaults>
              <KioskScreen startLang={lang} onExit={onExit} />
            </LocalizedDefaults>
          </TaxonomyProvider>
        </ApiProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
