import { AppShell, Burger, Group, MantineProvider, NavLink, Text, Title, createTheme } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { ApiProvider } from './api/ApiProvider';
import type { Api } from './api/client';
import { PlusIcon, SettingsIcon, SyncIcon, UploadIcon, UsersIcon } from './components/icons';
import { ChartIcon, ConflictIcon, ReviewIcon } from './screens/dashboard/navIcons';
import { I18nProvider, useT, type Locale } from './i18n';
import { NavigationProvider, useNavigation } from './nav/Navigation';
import { routeToHash, type Route } from './nav/routes';
import { DirectoryProvider } from './screens/directory/DirectoryProvider';
import { DirectoryScreen } from './screens/directory/DirectoryScreen';
import { ExpertScreen } from './screens/expert/ExpertScreen';
import { EditExpertScreen, NewExpertScreen } from './screens/form/ExpertFormScreen';
import { NewApplicationScreen } from './screens/applicationForm/ApplicationFormScreen';
import { KioskApp } from './screens/kiosk/KioskApp';
import { KioskSwitch } from './screens/kiosk/KioskSwitch';
import { SettingsScreen } from './screens/settings/SettingsScreen';
import { SyncProblemsScreen } from './screens/syncProblems/SyncProblemsScreen';
import { ApplicationScreen } from './screens/applications/ApplicationScreen';
import { ApplicationsIcon } from './screens/applications/ApplicationsIcon';
import { ApplicationsScreen } from './screens/applications/ApplicationsScreen';
import { ImportScreen } from './screens/import/ImportScreen';
import { ConflictsBadge } from './screens/conflicts/ConflictsBadge';
import { ConflictsScreen } from './screens/conflicts/ConflictsScreen';
import { DashboardScreen } from './screens/dashboard/DashboardScreen';
import { ReviewsScreen } from './screens/reviews/ReviewsScreen';
import { UsersScreen } from './screens/users/UsersScreen';
import { VettingSettingsScreen } from './screens/vettingSettings/VettingSettingsScreen';
import { NewReportScreen } from './screens/reports/NewReportScreen';
import { ReportScreen } from './screens/reports/ReportScreen';
import { ReportsIcon } from './screens/reports/ReportsIcon';
import { ReportsScreen } from './screens/reports/ReportsScreen';
import { SyncStatusLine } from './sync/SyncStatusLine';
import { SyncProblemsBadge } from './sync/SyncProblemsBadge';
import { SyncStatusProvider } from './sync/SyncStatusProvider';
import { TaxonomyProvider } from './taxonomy/TaxonomyProvider';
import { LocalizedDefaults } from './LocalizedDefaults';
import { cssVariablesResolver, theme } from './theme';
import { HEADER_HEIGHT } from './shell-size';

export { theme };

function Screen({ route }: { route: Route }) {
  switch (route.screen) {
    case 'directory':
      return <DirectoryScreen />;
    case 'expert':
      return <ExpertScreen key={route.id} id={route.id} />;
    case 'edit':
      return <EditExpertScreen key={route.id} id={route.id} />;
    case 'new':
      return <NewExpertScreen />;
    case 'settings':
      return <SettingsScreen />;
    case 'sync-problems':
      return <SyncProblemsScreen />;
    case 'application-new':
      return <NewApplicationScreen />;
    case 'applications':
      return <ApplicationsScreen />;
    case 'application':
      return <ApplicationScreen key={route.id} id={route.id} />;
    case 'import':
      return <ImportScreen />;
    case 'users':
      return <UsersScreen />;
    case 'vetting-settings':
      return <VettingSettingsScreen />;
    case 'reviews':
      return <ReviewsScreen key={route.id ?? ''} id={route.id} />;
    case 'conflicts':
      return <ConflictsScreen />;
    case 'vetting-dashboard':
      return <DashboardScreen />;
    // Case studies and stories (issue 8).
    case 'reports':
      return <ReportsScreen />;
    case 'report-new':
      return <NewReportScreen key={route.type} type={route.type} />;
    case 'report':
      return <ReportScreen key={route.id} id={route.id} />;
  }
}

function Shell() {
  const t = useT();
  const { route, navigate } = useNavigation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const links: { label: string; icon: ReactNode; target: Route; active: boolean; badge?: ReactNode }[] = [
    { label: t('nav.experts'), icon: <UsersIcon />, target: { screen: 'directory' }, active: route.screen === 'directory' || route.screen === 'expert' || route.screen === 'edit' },
    { label: t('nav.newExpert'), icon: <PlusIcon />, target: { screen: 'new' }, active: route.screen === 'new' },
    { label: t('nav.applications'), icon: <ApplicationsIcon />, target: { screen: 'applications' }, active: route.screen === 'applications' || route.screen === 'application' },
    { label: t('nav.import'), icon: <UploadIcon />, target: { screen: 'import' }, active: route.screen === 'import' },
    // Case studies and stories (issue 8).
    { label: t('nav.reports'), icon: <ReportsIcon />, target: { screen: 'reports' }, active: route.screen === 'reports' || route.screen === 'report' || route.screen === 'report-new' },
    // Vetting oversight (issue 7).
    { label: t('nav.reviews'), icon: <ReviewIcon />, target: { screen: 'reviews' }, active: route.screen === 'reviews' },
    { label: t('nav.conflicts'), icon: <ConflictIcon />, target: { screen: 'conflicts' }, active: route.screen === 'conflicts', badge: <ConflictsBadge /> },
    { label: t('nav.vettingDashboard'), icon: <ChartIcon />, target: { screen: 'vetting-dashboard' }, active: route.screen === 'vetting-dashboard' },
    { label: t('nav.syncProblems'), icon: <SyncIcon />, target: { screen: 'sync-problems' }, active: route.screen === 'sync-problems', badge: <SyncProblemsBadge /> },
    { label: t('nav.settings'), icon: <SettingsIcon />, target: { screen: 'settings' }, active: route.screen === 'settings' || route.screen === 'users' || route.screen === 'vetting-settings' },
  ];

  return (
    <AppShell header={{ height: HEADER_HEIGHT }} navbar={{ width: { sm: 200, lg: 220 }, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" gap="md" wrap="nowrap" justify="space-between">
          {/* The sync status matters more than the tagline: when the header is short of room, the tagline gives way first. */}
          <Group gap="sm" wrap="nowrap" miw={0} style={{ flexShrink: 100 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.toggle')} />
            <img src="./favicon.svg" width={28} height={28} alt="" />
            <Title order={1} size="h4" style={{ whiteSpace: 'nowrap' }}>
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="lg" truncate>
              {t('app.tagline')}
            </Text>
          </Group>
          <SyncStatusLine />
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.main')}>
        {links.map((link) => (
          <NavLink
            key={link.target.screen}
            href={routeToHash(link.target)}
            label={link.label}
            leftSection={link.icon}
            rightSection={link.badge}
            active={link.active}
            aria-current={link.active ? 'page' : undefined}
            onClick={(e) => {
              e.preventDefault();
              close();
              navigate(link.target);
            }}
          />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        <Screen route={route} />
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * jsdom lays nothing out, so every dropdown's anchor looks scrolled out of view and Popover
 * would hide it; component tests keep dropdowns shown regardless.
 */
const layoutFreeTheme = createTheme({ ...theme, components: { ...theme.components, Popover: { defaultProps: { hideDetached: false } } } });

/** Everything that needs no DOM of its own: theme, language, the API, navigation, shared state. */
export function AppProviders({ api, children, locale, testEnv }: { api: Api; children: ReactNode; locale?: Locale; testEnv?: boolean }) {
  return (
    <MantineProvider theme={testEnv ? layoutFreeTheme : theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
      <I18nProvider initial={locale}>
        <ApiProvider api={api}>
          <TaxonomyProvider>
            <NavigationProvider>
              <SyncStatusProvider>
                <DirectoryProvider>{children}</DirectoryProvider>
              </SyncStatusProvider>
            </NavigationProvider>
          </TaxonomyProvider>
        </ApiProvider>
      </I18nProvider>
    </MantineProvider>
  );
}

/** The curator's app, or the workshop kiosk while the core says it is on (screens/kiosk). */
export function App({ api, locale, testEnv }: { api: Api; locale?: Locale; testEnv?: boolean }) {
  return (
    <KioskSwitch
      api={api}
      kiosk={(lang, exited) => <KioskApp api={api} lang={lang} theme={testEnv ? layoutFreeTheme : theme} onExit={exited} />}
      normal={(guarded) => (
        <AppProviders api={guarded} locale={locale} testEnv={testEnv}>
          <LocalizedDefaults>
            <Shell />
          </LocalizedDefaults>
        </AppProviders>
      )}
    />
  );
}
