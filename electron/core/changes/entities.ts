import { expertFieldNames } from '../../../shared/model/expert';

/**
 * The entities the funnel knows and the fields each may carry. A change naming another
 * entity or field is refused: sync must not smuggle columns into a record.
 */
export const entityFields: Record<string, ReadonlySet<string>> = {
  // `demo` marks synthetic experts (demo/load.ts); no curator edit writes it.
  expert: new Set<string>([...expertFieldNames, 'status', 'statusReason', 'deletedAt', 'demo']),
  portfolio: new Set<string>(['expertId', 'kind', 'title', 'year', 'description', 'link', 'deletedAt']),
};

