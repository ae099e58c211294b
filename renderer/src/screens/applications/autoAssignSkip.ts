import type { AutoAssignSkip } from '../../../../shared/contract/vetting';
import { stepRefusalCodes } from '../../../../shared/model/vetting/rules';
import type { MessageKey, Translate } from '../../i18n';

const steps: ReadonlySet<string> = new Set(stepRefusalCodes);

/**
 * Why auto-assignment left a place empty, in the curator's language, from the core's code
 * (contract autoAssignSkipCodes). A refusal that named no step rule keeps the core's sentence.
 */
export function autoAssignSkipText(s: AutoAssignSkip, t: Translate): string {
  switch (s.code) {
    case 'NOT_FOUND':
    case 'NO_REVIEWERS':
      return t(`apps.autoAssign.skip.${s.code}`);
    case 'NOT_ASSIGNABLE':
      return t('apps.autoAssign.skip.NOT_ASSIGNABLE', { name: s.name ?? '', stage: s.stage ? t(`vetting.stage.${s.stage}` as MessageKey) : '' });
    case 'SHORT':
      return t('apps.autoAssign.skip.SHORT', { name: s.name ?? '', have: s.have ?? 0, need: s.need ?? 0 });
    case 'REFUSED':
      return s.step && steps.has(s.step) ? t('apps.autoAssign.skip.REFUSED', { reviewer: s.reviewer ?? '', why: t(`vetting.refusal.${s.step}` as MessageKey) }) : s.reason;
  }
}
