import { describe, expect, it } from 'vitest';
import type { Db } from '../db/open';
import { expertProjection } from '../services/experts/projection';
import { loadShippedTaxonomy } from '../services/taxonomy-resource';
import { changeOf, memoryNode, recordIds } from './testing';

const taxonomy = loadShippedTaxonomy();
const B = 'b0b0b0b0b0b0b0b0';
const [E0, E1, ITEM] = recordIds as [string, string, string];
const found = (db: Db, word: string) =>
  db.prepare('SELECT i.id FROM expert_fts f JOIN expert_index i ON i.rowid = f.rowid WHERE expert_fts MATCH ? ORDER BY i.id').pluck().all(word);

describe('a portfolio item that changes owner', () => {
  it('leaves its former expert’s search index, whether the move is written here or arrives by sync', () => {
    const experts = [
      { entity: 'expert', id: E0, fields: { givenName: 'Siti', country: 'ID' } },
      { entity: 'expert', id: E1, fields: { givenName: 'Budi', country: 'ID' } },
    ];
    // Written here, one write after another.
    const here = memoryNode(undefined, (db) => [expertProjection(db, taxonomy)]);
    here.funnel.write('ana', [...experts, { entity: 'portfolio', id: ITEM, fields: { kind: 'project', title: 'Zebra census', expertId: E0 } }]);
    expect(found(here.db, 'zebra')).toEqual([E0]);
    here.funnel.write('ana', [{ entity: 'portfolio', id: ITEM, fields: { expertId: E1 } }]);
    expect(found(here.db, 'zebra')).toEqual([E1]);

    // Received in two batches from another node: the same index.
    const there = memoryNode(undefined, (db) => [expertProjection(db, taxonomy)]);
    there.funnel.receive([
      changeOf(B, 1, experts[0]!.fields, { id: E0 }),
      changeOf(B, 2, experts[1]!.fields, { id: E1 }),
      changeOf(B, 3, { kind: 'project', title: 'Zebra census', expertId: E0 }, { entity: 'portfolio', id: ITEM }),
    ]);
    there.funnel.receive([changeOf(B, 4, { expertId: E1 }, { entity: 'portfolio', id: ITEM })]);
    expect(found(there.db, 'zebra')).toEqual([E1]);
    // And when upstream takes the move back, the item returns to its first owner.
    there.funnel.receive([{ ...changeOf(B, 4, { expertId: E1 }, { entity: 'portfolio', id: ITEM }), refused: 'Not allowed.', code: 'ROLE' }], { from: 'upstream' });
    expect(found(there.db, 'zebra')).toEqual([E0]);
  });
});
