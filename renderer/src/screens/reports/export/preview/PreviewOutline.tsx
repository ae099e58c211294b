import { Alert, Card, Divider, Stack, Text, Title } from '@mantine/core';
import type { Figure } from '../../../../../../shared/model/reports/figure';
import type { SectionField } from '../../../../../../shared/model/reports';
import { formatNumber, useI18n } from '../../../../i18n';
import { FigureChart } from '../../figures/FigureChart';
import { ratingsOf } from '../../panels/model';
import { RatingsMatrix } from '../../panels/RatingsMatrix';
import { sectionLabel, typeLabel } from '../../texts';
import type { ReportDetail } from '../../useReports';

/** The first words of a section, as a reader meets them. */
const opening = (text: string) => (text.length > 280 ? `${text.slice(0, 280).trimEnd()}…` : text);

/**
 * The document as a text outline, the Preview tab's alternative to its pages (a canvas says
 * nothing to a screen reader): the title, the sections in order with their opening words —
 * empty ones marked, as the document leaves them out —, the figures after the section they
 * follow with their source notes, and the ratings matrix. Always in the app's language.
 */
export function PreviewOutline({ report }: { report: ReportDetail }) {
  const { locale, t } = useI18n();
  const f = report.fields;
  const figures: readonly Figure[] = report.type === 'case_study' ? report.fields.figures : [];
  const anonymised = report.type === 'story' && report.fields.anonymised;
  const photos = anonymised ? 0 : f.photos.length;

  return (
    <Card withBorder radius="md" padding="lg" component="article" aria-label={t('reportExport.preview.tab')}>
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {typeLabel(t, report.type)}
        </Text>
        <Title order={2} size="h3">
          {f.title || t('reports.untitled')}
        </Title>
        {anonymised && <Alert color="blue">{t('reportExport.preview.anonymised')}</Alert>}
        <Divider />
        {report.sections.map((s) => {
          const text = s.current?.text.trim() ?? '';
          const name = s.section as SectionField;
          // As the document places them: after their section; one whose section is gone, after the lessons.
          const after = figures.filter((g) => g.section === s.section || (s.section === 's_lessons' && !report.sections.some((x) => x.section === g.section)));
          return (
            <Stack key={s.section} gap={6} component="section" aria-label={sectionLabel(t, name)}>
              <Title order={3} size="h5" c={text ? undefined : 'dimmed'}>
                {sectionLabel(t, name)}
              </Title>
              <Text size="sm" c={text ? undefined : 'dimmed'} fs={text ? undefined : 'italic'} style={{ whiteSpace: 'pre-line' }}>
                {text ? opening(text) : t('reportExport.preview.empty')}
              </Text>
              {text && (
                <Text size="xs" c="dimmed">
                  {t('reportExport.preview.words', { count: formatNumber(locale, s.words) })}
                </Text>
              )}
              {after.map((g) => (
                <FigureChart key={g.id} figure={g} />
              ))}
            </Stack>
          );
        })}
        {(photos > 0 || f.quotes.length > 0) && (
          <Text size="sm" c="dimmed">
            {[photos > 0 && t('reportExport.preview.photos', { count: formatNumber(locale, photos) }), f.quotes.length > 0 && t('reportExport.preview.quotes', { count: formatNumber(locale, f.quotes.length) })].filter(Boolean).join(' · ')}
          </Text>
        )}
        <Divider />
        <Title order={3} size="h5">
          {t('reportExport.preview.ratings')}
        </Title>
        <RatingsMatrix type={report.type} ratings={ratingsOf(report)} caption={t('reportExport.preview.ratings')} />
      </Stack>
    </Card>
  );
}
