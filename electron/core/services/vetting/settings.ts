import { AppError } from '../../../../shared/contract/result';
import { canChangeSettings } from '../../../../shared/model/vetting/roles';
import { VETTING_SETTINGS_ID, vettingSettingsFieldsSchema, type VettingSettings } from '../../../../shared/model/vetting/settings';
import type { VettingContext } from './context';

/**
 * Saves what the secretariat sets for vetting (admins and curators). A partial save is merged
 * with the current settings and checked whole (the rubric's keys are unique, ...), but only the
 * fields that changed are written: two curators changing different settings offline both keep
 * their change (the record merges field by field).
 */
export function saveSettings(ctx: VettingContext, patch: Partial<VettingSettings>): VettingSettings {
  const who = ctx.requireActor();
  if (!canChangeSettings(who)) {
    throw new AppError('NOT_ALLOWED', 'Only an administrator or a curator changes the vetting settings. Ask the secretariat. Nothing was saved.');
  }
  const current = ctx.settings();
  const merged = vettingSettingsFieldsSchema.safeParse({ ...current, ...patch });
  if (!merged.success) {
    const issue = merged.error.issues[0];
    throw new AppError('INVALID_INPUT', `The settings need correcting; nothing was saved. ${issue?.message ?? ''}`.trim(), merged.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
  }
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(merged.data)) {
    if (JSON.stringify(current[key as keyof VettingSettings]) !== JSON.stringify(value)) changed[key] = value;
  }
  if (Object.keys(changed).length) {
    ctx.funnel.write(who.id, [{ entity: 'vetting_settings', id: VETTING_SETTINGS_ID, fields: changed }]);
    ctx.changed('vetting_settings');
  }
  return ctx.settings();
}
