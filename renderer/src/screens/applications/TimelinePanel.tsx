import { Alert, Badge, Group, Stack, Text } from '@mantine/core';
import type { ApplicationDetail } from '../../../../shared/contract/vetting';
import { formatDateTime, useI18n } from '../../i18n';
import { Section } from '../../components/Section';
import { eventText, verdictText } from './texts';
import classes from './TimelinePanel.module.css';

/**
 * Every step of the application, oldest first, with who took it and when. The hash chain is
 * checked by the core (`detail.chain`): an event altered after the fact, or one whose
 * predecessor is missing, is said plainly at the top and marked on its line. A received step
 * that broke the rules, or one a conflict resolution superseded, stays in the history, marked.
 */
export function TimelinePanel({ detail }: { detail: ApplicationDetail }) {
  const { locale, t } = useI18n();
  const name = (id: string) => detail.people[id] ?? id;
  const altered = new Set(detail.chain.altered.map((a) => a.eventId));
  const invalid = new Map(detail.state.invalid.map((i) => [i.eventId, i]));
  const superseded = new Set(detail.state.superseded);
  const waiting = new Set(detail.state.waiting.map((w) => w.eventId));
  const conflict = detail.state.conflict;
  return (
    <Section title={t('apps.section.timeline')}>
      <Stack gap="sm">
        {!detail.chain.ok && (
          <Alert color="red" title={t('apps.chain.broken')} role="alert" data-testid="chain-problem">
            {detail.chain.altered.length > 0 && <Text size="sm">{t('apps.chain.altered', { count: detail.chain.altered.length })}</Text>}
            {detail.chain.missing.length > 0 && <Text size="sm">{t('apps.chain.missing', { count: detail.chain.missing.length })}</Text>}
          </Alert>
        )}
        {conflict && (
          <Alert color="orange" title={t('apps.conflict.title')} data-testid="conflict">
            <Text size="sm">{t('apps.conflict.body')}</Text>
            <Text size="sm" component="ul" style={{ paddingLeft: 18, margin: '4px 0 0' }}>
              {conflict.sides.map((s) => (
                <li key={s.eventId}>{t('apps.conflict.side', { verdict: verdictText(t, s.verdict), who: name(s.by), when: formatDateTime(locale, s.at) })}</li>
              ))}
            </Text>
          </Alert>
        )}
        <ol className={classes.list} aria-label={t('apps.section.timeline')} data-testid="timeline">
          {detail.events.map((e) => (
            <li key={e.id} className={classes.item} data-altered={altered.has(e.id) || undefined}>
              <Group gap={6} wrap="wrap">
                <Text size="sm" fw={600}>
                  {name(e.by)}
                </Text>
                <Text size="xs" c="dimmed">
                  <time dateTime={new Date(e.at).toISOString()}>{formatDateTime(locale, e.at)}</time>
                </Text>
                {altered.has(e.id) && (
                  <Badge size="sm" color="red">
                    {t('apps.timeline.altered')}
                  </Badge>
                )}
                {invalid.has(e.id) && (
                  <Badge size="sm" color="orange" variant="light" title={invalid.get(e.id)!.message} style={{ textTransform: 'none' }}>
                    {t('apps.timeline.invalid')}
                  </Badge>
                )}
                {superseded.has(e.id) && (
                  <Badge size="sm" color="gray" variant="light" style={{ textTransform: 'none' }}>
                    {t('apps.timeline.superseded')}
                  </Badge>
                )}
                {waiting.has(e.id) && (
                  <Badge size="sm" color="gray" variant="light" style={{ textTransform: 'none' }}>
                    {t('apps.timeline.waiting')}
                  </Badge>
                )}
              </Group>
              <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                {eventText(t, e, name)}
              </Text>
            </li>
          ))}
        </ol>
      </Stack>
    </Section>
  );
}
