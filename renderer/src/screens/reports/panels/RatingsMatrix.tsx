import { Badge, Table, Text, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useI18n } from '../../../i18n';
import { characteristics, criteria, ratings as ratingLevels, type Criterion, type Rating, type ReportType } from '../../../../../shared/model/reports';
import { ratingColor, ratingFieldName, ratingLevelName } from './ratingText';
import classes from './RatingsMatrix.module.css';

/** The ratings of one record by criterion, as reports.list gives them (ReportSummary.ratings); not rated: absent or null. */
export type Ratings = Partial<Record<Criterion, Rating | null>>;

export interface MatrixRecord {
  id: string;
  title: string;
  ratings: Ratings;
}

type Props =
  | { type: ReportType; ratings: Ratings; caption?: string; records?: never }
  | { records: readonly MatrixRecord[]; caption?: string; renderTitle?(record: MatrixRecord): ReactNode; type?: never; ratings?: never };

/**
 * The ratings at a glance, as a real table (a screen reader reads it cell by cell):
 * - one record (`type` + `ratings`): rows are the characteristics (and a case study's four
 *   dimensions), columns the four levels, a mark in the level given;
 * - many records (`records`): rows are the records, columns the five characteristics, each
 *   cell the level given. The list screen and the MTR summary use this form.
 * Every mark carries its level's name, so colour is never the only sign.
 */
export function RatingsMatrix(props: Props) {
  return props.records ? <RecordsMatrix {...props} /> : <RecordMatrix type={props.type} ratings={props.ratings} caption={props.caption} />;
}

const levelOf = (ratings: Ratings, criterion: Criterion): Rating | null => ratings[criterion] ?? null;
const criteriaOf = (type: ReportType): readonly Criterion[] => (type === 'case_study' ? criteria : characteristics);

function RecordMatrix({ type, ratings, caption }: { type: ReportType; ratings: Ratings; caption?: string }) {
  const { t } = useI18n();
  return (
    <Table withTableBorder withColumnBorders className={classes.matrix} data-testid="ratings-matrix" captionSide="top">
      <Table.Caption>{caption ?? t('reportPanels.matrix.caption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('reportPanels.matrix.characteristic')}</Table.Th>
          {ratingLevels.map((level) => (
            <Table.Th key={level} scope="col" className={classes.level}>
              {ratingLevelName(t, level)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {criteriaOf(type).map((criterion) => {
          const given = levelOf(ratings, criterion);
          return (
            <Table.Tr key={criterion} data-criterion={criterion}>
              <Table.Th scope="row" fw={500}>
                {ratingFieldName(t, `r_${criterion}`)}
                {given === null && (
                  <Text component="span" size="xs" c="dimmed">
                    {' '}
                    ({ratingLevelName(t, null)})
                  </Text>
                )}
              </Table.Th>
              {ratingLevels.map((level) => (
                <Table.Td key={level} className={classes.level} data-given={given === level || undefined}>
                  {given === level ? (
                    <Badge color={ratingColor[level]} variant="filled" size="sm" circle aria-hidden>
                      ●
                    </Badge>
                  ) : null}
                  {given === level && <VisuallyHidden>{ratingLevelName(t, level)}</VisuallyHidden>}
                </Table.Td>
              ))}
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function RecordsMatrix({ records, caption, renderTitle }: { records: readonly MatrixRecord[]; caption?: string; renderTitle?(record: MatrixRecord): ReactNode }) {
  const { t } = useI18n();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder withColumnBorders className={classes.matrix} data-testid="ratings-matrix" captionSide="top">
        <Table.Caption>{caption ?? t('reportPanels.matrix.recordsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('reportPanels.matrix.record')}</Table.Th>
            {characteristics.map((criterion) => (
              <Table.Th key={criterion} scope="col" className={classes.criterionHead}>
                {ratingFieldName(t, `r_${criterion}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {records.map((record) => (
            <Table.Tr key={record.id} data-record={record.id}>
              <Table.Th scope="row" fw={500} className={classes.title}>
                {renderTitle ? renderTitle(record) : record.title}
              </Table.Th>
              {characteristics.map((criterion) => {
                const given = levelOf(record.ratings, criterion);
                return (
                  <Table.Td key={criterion} className={classes.level} data-criterion={criterion}>
                    {given ? (
                      <Badge color={ratingColor[given]} variant="light" size="sm" className={classes.badge}>
                        {ratingLevelName(t, given)}
                      </Badge>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {ratingLevelName(t, null)}
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
