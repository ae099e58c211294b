import { expertFieldNames } from '../../../shared/model/expert';

/**
 * The entities the funnel knows and the fields each may carry. A change naming another
 * entity or field is refused: sync must not smuggle columns into a record.
 */
export const entityFields: Record<string, ReadonlySet<string>> = {
  expert: new Set<string>([...expertFieldNames, 'status', 'statusReason', 'deletedAt']),
  portfolio: new Set<string>(['expertId', 'kind', 'title', 'year', 'description', 'link', 'deletedAt']),
};

