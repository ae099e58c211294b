import type { AppErrorShape } from '../../../../shared/contract';
import { stepRefusalCodes } from '../../../../shared/model/vetting/rules';
import type { MessageKey, Translate } from '../../i18n';

const known: ReadonlySet<string> = new Set(stepRefusalCodes);

/**
 * A refused vetting step, said precisely: STEP_REFUSED names the rule (details.step), which has
 * its own sentence in both languages; anything else goes the usual way (describe).
 */
export function vettingErrorText(error: AppErrorShape, t: Translate, describe: (e: AppErrorShape) => string): string {
  const step = error.details?.step;
  if (error.code === 'STEP_REFUSED' && typeof step === 'string' && known.has(step)) return t(`vetting.refusal.${step}` as MessageKey);
  return describe(error);
}
