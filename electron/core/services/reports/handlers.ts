import { AppError } from '../../../../shared/contract/result';
import { reportsContract } from '../../../../shared/contract/reports';
import type { Handlers } from '../../rpc/dispatch';
import type { VettingContext } from '../vetting/context';

type ReportMethod = keyof typeof reportsContract;

/**
 * Case studies and stories (issue 8). Transitional: the contract lands first so the screens can
 * be typed against it; until the service is composed here every method answers NOT_ALLOWED.
 */
export function reportsHandlers(_ctx: VettingContext): Pick<Handlers, ReportMethod> {
  const notYet = () => {
    throw new AppError('NOT_ALLOWED', 'Case studies and stories are not available in this build yet. Nothing was saved.');
  };
  return Object.fromEntries(Object.keys(reportsContract).map((m) => [m, notYet])) as unknown as Pick<Handlers, ReportMethod>;
}
