import { Alert, Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import type { ApplicationDetail, UserRecord } from '../../../../shared/contract/vetting';
import type { RubricCriterion } from '../../../../shared/model/vetting/settings';
import type { Review } from '../../../../shared/model/vetting/state';
import { useVettingQuery } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { LoadError } from '../../components/LoadError';
import { RouteLink } from '../../components/RouteLink';
import { countryName, formatDateTime, useI18n } from '../../i18n';
import { useTaxonomy } from '../../taxonomy/TaxonomyProvider';
import { ReviewForm } from './ReviewForm';

/** One assigned application: the applicant's profile, the reviewer's form or review, and the others' once theirs is in. */
export function ReviewPage({ id, me }: { id: string; me: UserRecord }) {
  const { t } = useI18n();
  const detail = useVettingQuery('applications.get', { id });
  const settings = useVettingQuery('vetting.settings', {});
  const back = <RouteLink to={{ screen: 'reviews' }}>{t('oversight.reviews.back')}</RouteLink>;
  if (detail.isPending || settings.isPending) return <Skeleton height={300} />;
  if (detail.isError || settings.isError) {
    const error = errorShape(detail.error ?? settings.error);
    return <LoadError error={error} before={back} onRetry={() => void (detail.isError ? detail.refetch() : settings.refetch())} />;
  }
  const app = detail.data;
  const rubric = settings.data.rubric;
  const mine = app.state.reviews.find((r) => r.reviewerId === me.id);
  const assigned = app.state.assignments.some((a) => a.reviewerId === me.id);
  // Shown only after one's own review, whatever the core sends: no review is written to agree with another.
  const others = mine ? app.state.reviews.filter((r) => r.reviewerId !== me.id) : [];

  return (
    <Stack gap="md">
      {back}
      <Group gap="sm" align="center">
        <Title order={1} size="h2">
          {t('oversight.review.title', { name: app.displayName })}
        </Title>
        <Badge variant="light">{t(`vetting.stage.${app.state.stage}`)}</Badge>
      </Group>
      <Applicant app={app} />
      {mine ? (
        <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="own-review-title">
          <Title order={2} size="h4" mb="sm" id="own-review-title">
            {t('oversight.review.yours')}
          </Title>
          <ReviewBody review={mine} rubric={rubric} people={app.people} />
        </Paper>
      ) : assigned && app.state.stage === 'in_review' ? (
        <Paper withBorder radius="md" p="lg">
          <ReviewForm applicationId={app.id} reviewerId={me.id} rubric={rubric} />
        </Paper>
      ) : (
        <Alert color="yellow" data-testid="review-not-open">
          {assigned ? t('oversight.review.notInReview', { stage: t(`vetting.stage.${app.state.stage}`) }) : t('oversight.review.notAssigned')}
        </Alert>
      )}
      <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="other-reviews-title">
        <Title order={2} size="h4" mb="sm" id="other-reviews-title">
          {t('oversight.review.others')}
        </Title>
        {!mine && (
          <Text data-testid="reviews-hidden" c="dimmed">
            {t('oversight.review.hidden')}
          </Text>
        )}
        {mine && others.length === 0 && <Text c="dimmed">{t('oversight.review.noOthers')}</Text>}
        <Stack gap="md">
          {others.map((r) => (
            <div key={r.eventId}>
              <Title order={3} size="h5" mb={4}>
                {app.people[r.reviewerId] ?? r.reviewerId}
              </Title>
              <ReviewBody review={r} rubric={rubric} people={app.people} />
            </div>
          ))}
        </Stack>
      </Paper>
    </Stack>
  );
}

function Applicant({ app }: { app: ApplicationDetail }) {
  const { t, locale } = useI18n();
  const taxonomy = useTaxonomy();
  const f = app.fields;
  return (
    <Paper withBorder radius="md" p="lg" component="section" aria-labelledby="applicant-title">
      <Title order={2} size="h4" mb="sm" id="applicant-title">
        {t('oversight.review.applicant')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <Text size="sm">
          <b>{t('field.country')}:</b> {countryName(locale, f.country)}
        </Text>
        <Text size="sm">
          <b>{t('field.agency')}:</b> {f.agency || '—'}
        </Text>
        <Text size="sm">
          <b>{t('oversight.review.applicantType')}:</b> {t(`oversight.applicantType.${f.applicantType}`)}
        </Text>
        <Text size="sm">
          <b>{t('oversight.review.years')}:</b> {f.yearsExperience ?? '—'}
        </Text>
      </SimpleGrid>
      <Text size="sm" mt="xs">
        <b>{t('field.expertise')}:</b> {f.expertise.map((e) => taxonomy.label(e)).join(', ') || '—'}
      </Text>
      {f.careerSummary && (
        <Text size="sm" mt="xs" style={{ whiteSpace: 'pre-wrap' }}>
          {f.careerSummary}
        </Text>
      )}
    </Paper>
  );
}

function ReviewBody({ review, rubric, people }: { review: Review; rubric: RubricCriterion[]; people: Record<string, string> }) {
  const { t, locale } = useI18n();
  return (
    <Stack gap="xs">
      <Text size="sm" c="dimmed">
        {t('oversight.review.meta', { who: people[review.by] ?? review.by, when: formatDateTime(locale, review.at) })}
      </Text>
      <Text>
        <b>{t('oversight.review.recommendation')}:</b> {t(`oversight.recommendation.${review.recommendation}`)}
      </Text>
      <Table withTableBorder={false} layout="fixed">
        <Table.Tbody>
          {rubric.map((c) => (
            <Table.Tr key={c.key}>
              <Table.Th scope="row">{c.label[locale] || c.label.en}</Table.Th>
              <Table.Td>{review.scores[c.key] === undefined ? '—' : t('oversight.review.score', { score: review.scores[c.key]!, max: c.scale })}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {review.comments && <Text style={{ whiteSpace: 'pre-wrap' }}>{review.comments}</Text>}
    </Stack>
  );
}
