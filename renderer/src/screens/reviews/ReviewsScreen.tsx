import { Badge, Skeleton, Table } from '@mantine/core';
import type { UserRecord } from '../../../../shared/contract/vetting';
import { useVettingQuery } from '../../api/oversight';
import { errorShape } from '../../api/queries';
import { EmptyState } from '../../components/EmptyState';
import { LoadError } from '../../components/LoadError';
import { RouteLink } from '../../components/RouteLink';
import { countryName, formatDateTime, useI18n } from '../../i18n';
import { GatedScreen } from '../profile/ProfileGate';
import { ReviewPage } from './ReviewPage';

/** My reviews: the applications assigned to the signed-in reviewer, and the review form of one. */
export function ReviewsScreen({ id }: { id?: string }) {
  const { t } = useI18n();
  // A review page carries its own heading (the applicant's name).
  return (
    <GatedScreen title={id ? undefined : t('oversight.reviews.title')} maw={960}>
      {(user) => (id ? <ReviewPage key={id} id={id} me={user} /> : <MyAssignments me={user} />)}
    </GatedScreen>
  );
}

function MyAssignments({ me }: { me: UserRecord }) {
  const { t, locale } = useI18n();
  const list = useVettingQuery('applications.list', { query: '', filters: { stage: [], country: [], reviewer: [] }, mine: true, offset: 0, limit: 200 });
  if (list.isPending) return <Skeleton height={160} />;
  if (list.isError) return <LoadError error={errorShape(list.error)} onRetry={() => void list.refetch()} />;
  const items = list.data.items;
  if (items.length === 0) {
    return (
      <EmptyState framed testId="reviews-empty" title={t('oversight.reviews.empty')} body={me.role === 'reviewer' ? t('oversight.reviews.emptyBody') : t('oversight.reviews.emptyNotReviewer')} />
    );
  }
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped highlightOnHover data-testid="reviews-table">
        <Table.Caption>{t('oversight.reviews.caption', { count: items.length })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('oversight.reviews.applicant')}</Table.Th>
            <Table.Th scope="col">{t('field.country')}</Table.Th>
            <Table.Th scope="col">{t('oversight.reviews.stage')}</Table.Th>
            <Table.Th scope="col">{t('oversight.reviews.submittedAt')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Th scope="row">
                <RouteLink to={{ screen: 'reviews', id: a.id }}>{a.displayName}</RouteLink>
              </Table.Th>
              <Table.Td>{countryName(locale, a.country)}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={a.stage === 'in_review' ? 'blue' : 'gray'}>
                  {t(`vetting.stage.${a.stage}`)}
                </Badge>
              </Table.Td>
              <Table.Td>{a.submittedAt ? formatDateTime(locale, a.submittedAt) : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
