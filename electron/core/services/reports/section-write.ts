import type { ParsedInput } from '../../../../shared/contract/methods';
import type { SectionState } from '../../../../shared/contract/reports';
import { AppError } from '../../../../shared/contract/result';
import { uuidv7 } from '../../../../shared/ids';
import { isSectionOf, parentsForSave, sectionsOf, type SectionValue } from '../../../../shared/model/reports/sections';
import { requireWriter, typeName, type ReportsContext } from './context';
import { readReport } from './read';
import { knownRevs, sectionStates } from './versions';
import { requireReport } from './write';

/**
 * Saving one section (autosave). The new value names as parent the version it was edited from
 * (`base`); when that is no longer the head — another curator saved meanwhile, here or on
 * another computer — the save makes a second head: not an error, and nothing is lost. The
 * curator then keeps one version or combines them (`resolve`), which names every head as parent.
 */
export function writeSection(ctx: ReportsContext, input: ParsedInput<'reports.writeSection'>): SectionState {
  const report = requireReport(ctx, input.id);
  if (!isSectionOf(report.type, input.section)) {
    throw new AppError(
      'INVALID_INPUT',
      `A ${typeName[report.type]} has no section "${input.section}". Its sections are ${sectionsOf[report.type].map((s) => s.slice(2)).join(', ')}. Nothing was saved.`,
      [{ path: ['section'], message: 'Not a section of this record.' }],
    );
  }
  const section = input.section;
  const who = requireWriter(ctx, report.type, report.fields);
  if (input.base !== null && !knownRevs(ctx.db, report, section).has(input.base)) {
    throw new AppError('INVALID_INPUT', 'The version this text was edited from is not one this section has had. Reload the record; copy your text first, it was not saved.', [
      { path: ['base'], message: 'Unknown version of this section.' },
    ]);
  }
  const [state] = sectionStates(ctx.db, report, section);
  const current = state!.current;
  const heads: SectionValue[] = state!.heads.length ? state!.heads.map((h) => h.value) : current ? [current] : [];
  // Saving what a head already holds changes nothing: an autosave with no edit, a second window
  // saving the text that is already there, a resolve to the one version there is.
  if ((!input.resolve && heads.some((h) => h.text === input.text)) || (input.resolve && heads.length === 1 && heads[0]!.text === input.text)) return state!;
  if (heads.length === 0 && input.text === '') return state!;
  const value: SectionValue = { text: input.text, rev: uuidv7(ctx.now()), parents: parentsForSave(input.base, heads, input.resolve) };
  ctx.funnel.write(who.id, [{ entity: report.type, id: report.id, fields: { [section]: value } }]);
  ctx.changed(report.type);
  return sectionStates(ctx.db, readReport(ctx.db, report.id)!, section)[0]!;
}
