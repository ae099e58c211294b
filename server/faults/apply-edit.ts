import { AppError } from '../../shared/contract/result';
import type { CountryCode } from '../../shared/model/countries';
import { parseCreate, parsePatch, parsePortfolio, parsePortfolioPatch, type Edit } from './edits';
import type { Device } from './nodes';

interface Editor {
  device: Device;
  country: CountryCode | null;
  photos: { hash: string; mime: 'image/webp' }[];
}

const pick = <T>(items: readonly T[], index: number): T | undefined => (items.length ? items[index % items.length] : undefined);

/**
 * Makes one edit on a device through its ExpertsService, as the curator's form would. Targets
 * are resolved against what the device holds now. A focal point mostly edits experts of their
 * own country (and sometimes, on purpose, another's: the server refuses those). Returns what
 * happened, for the replay log; an edit the device itself refuses is no accepted write.
 */
export function applyEdit(editor: Editor, edit: Edit): string {
  const { experts, db } = editor.device;
  const expertIds = db.prepare("SELECT id FROM records WHERE entity = 'expert' ORDER BY id").pluck().all() as string[];
  const itemIds = db.prepare("SELECT id FROM records WHERE entity = 'portfolio' AND json_extract(data, '$.deletedAt') IS NULL ORDER BY id").pluck().all() as string[];
  try {
    switch (edit.op) {
      case 'create': {
        // A focal point's new experts are of their country, except Viet Nam ones drawn for a Thai focal point.
        const country = editor.country && edit.country !== 'VN' ? editor.country : edit.country;
        const created = experts.create({ expert: parseCreate({ ...edit, country }, editor.photos), portfolio: [] });
        return `created ${created.id} (${country})`;
      }
      case 'update': {
        const id = pick(expertIds, edit.target);
        if (!id) return 'no expert to update';
        const patch = parsePatch(edit.patch, editor.photos);
        if (editor.country && patch.country && patch.country !== 'VN') patch.country = editor.country;
        experts.update({ id, patch });
        return `updated ${id}: ${Object.keys(patch).join(', ')}`;
      }
      case 'status': {
        const id = pick(expertIds, edit.target);
        if (!id) return 'no expert to archive';
        const current = experts.get(id);
        experts.setStatus(id, current.status === 'active' ? 'archived' : 'active', edit.reason);
        return `${current.status === 'active' ? 'archived' : 'restored'} ${id}`;
      }
      case 'portfolio.add': {
        const id = pick(expertIds, edit.target);
        if (!id) return 'no expert for a portfolio item';
        return `added ${experts.addPortfolio(id, parsePortfolio(edit.item)).id} to ${id}`;
      }
      case 'portfolio.update': {
        const id = pick(itemIds, edit.target);
        if (!id) return 'no portfolio item to update';
        experts.updatePortfolio(id, parsePortfolioPatch(edit.patch));
        return `updated item ${id}`;
      }
      case 'portfolio.remove': {
        const id = pick(itemIds, edit.target);
        if (!id) return 'no portfolio item to remove';
        experts.removePortfolio(id);
        return `removed item ${id}`;
      }
    }
  } catch (error) {
    if (error instanceof AppError) return `refused on the device: ${error.code}`;
    throw error;
  }
}
