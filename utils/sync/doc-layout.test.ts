import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { SavedReply } from '../db/saved-replies';
import {
  applyBrandToMeta,
  applyRowToY,
  belongsToBrand,
  brandFromMeta,
  docToJSON,
  fingerprint,
  mergeRows,
  mergeText,
  metaOf,
  metaOfY,
  rowsOf,
  rowToY,
  sharedOf,
  sharedOfY,
  withBytes,
  yToRow,
} from './doc-layout';

const reply: SavedReply = {
  id: 'r1',
  createdAt: 1,
  updatedAt: 2,
  title: 'Grazie!',
  body: 'Grazie per il messaggio, a presto 🍝',
  shortcut: 'grazie',
  tags: ['cortesia'],
  networks: ['instagram'],
  language: 'it',
  brandId: 'b1',
  useCount: 7,
  lastUsedAt: 99,
  lastAnswers: { Orario: '18:30' },
};

/** A row map placed in a document (Y types read back only once integrated). */
function inDoc(kind: 'savedReplies' | 'clips' | 'thumbnails', shared: ReturnType<typeof sharedOf>) {
  const doc = new Y.Doc();
  rowsOf(doc, kind).set(shared.id, rowToY(kind, shared));
  return { doc, row: rowsOf(doc, kind).get(shared.id)! };
}

describe('rows in the document', () => {
  test('brand and personal fields stay out; texts are Y.Text', () => {
    const shared = sharedOf('savedReplies', reply);
    expect(shared).not.toHaveProperty('brandId');
    expect(shared).not.toHaveProperty('useCount');
    expect(shared).not.toHaveProperty('lastUsedAt');
    expect(shared).not.toHaveProperty('lastAnswers');
    const { row } = inDoc('savedReplies', shared);
    expect(row.get('body')).toBeInstanceOf(Y.Text);
    expect(row.get('title')).toBeInstanceOf(Y.Text);
    expect(row.get('tags')).toEqual(['cortesia']);
    expect(sharedOfY(row)).toEqual(shared);
  });

  test('back to a Dexie row: the brand given, personal fields from the local copy or defaults', () => {
    const { row } = inDoc('savedReplies', sharedOf('savedReplies', reply));
    expect(yToRow('savedReplies', row, 'b2', { ...reply, useCount: 3, lastUsedAt: 5, lastAnswers: undefined } as SavedReply)).toEqual({
      ...reply,
      brandId: 'b2',
      useCount: 3,
      lastUsedAt: 5,
      lastAnswers: undefined,
    });
    const fresh = yToRow('savedReplies', row, 'b1');
    expect(fresh).toMatchObject({ useCount: 0, lastUsedAt: null, brandId: 'b1' });
    expect(fresh).not.toHaveProperty('lastAnswers');
  });

  test('a change touches only the fields that differ, a text by its smallest edit', () => {
    const { doc, row } = inDoc('savedReplies', sharedOf('savedReplies', reply));
    const changes: string[] = [];
    row.observeDeep((events) => {
      for (const event of events) {
        if (event.target instanceof Y.Text) changes.push(`text:${JSON.stringify(event.delta)}`);
        else changes.push(`keys:${[...event.changes.keys.keys()].join(',')}`);
      }
    });
    const edited = sharedOf('savedReplies', { ...reply, body: 'Grazie mille per il messaggio, a presto 🍝', updatedAt: 3, useCount: 8 } as SavedReply);
    expect(doc.transact(() => applyRowToY('savedReplies', row, edited))).toBe(true);
    expect(changes.sort()).toEqual(['keys:updatedAt', 'text:[{"retain":7},{"insert":"mille "}]']);
    expect(sharedOfY(row)).toEqual(edited);
    expect(doc.transact(() => applyRowToY('savedReplies', row, edited))).toBe(false);
  });

  test('two people editing the same text keep both edits', () => {
    const a = inDoc('savedReplies', sharedOf('savedReplies', reply));
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    const rowB = rowsOf(b, 'savedReplies').get('r1')!;
    a.doc.transact(() => applyRowToY('savedReplies', a.row, { ...sharedOf('savedReplies', reply), body: 'Ciao! Grazie per il messaggio, a presto 🍝' }));
    b.transact(() => applyRowToY('savedReplies', rowB, { ...sharedOf('savedReplies', reply), body: 'Grazie per il messaggio, a presto 🍝 Gino' }));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a.doc));
    Y.applyUpdate(a.doc, Y.encodeStateAsUpdate(b));
    expect(sharedOfY(a.row).body).toBe('Ciao! Grazie per il messaggio, a presto 🍝 Gino');
    expect(sharedOfY(rowB).body).toBe('Ciao! Grazie per il messaggio, a presto 🍝 Gino');
  });

  test('a thumbnail travels as bytes and comes back as a Blob; full-size images stay out', async () => {
    const bytes = new Uint8Array([137, 80, 78, 71]);
    const image = { id: 'i1', createdAt: 1, updatedAt: 1, clipId: 'c1', role: 'thumbnail', mimeType: 'image/png', width: 1, height: 1, sourceUrl: null, blob: new Blob([bytes], { type: 'image/png' }), brandId: 'b1' };
    expect(belongsToBrand('thumbnails', image, 'b1')).toBe(true);
    expect(belongsToBrand('thumbnails', { ...image, role: 'full' } as typeof image, 'b1')).toBe(false);
    expect(belongsToBrand('thumbnails', image, 'b2')).toBe(false);
    const shared = await withBytes(sharedOf('thumbnails', image));
    expect(shared.blob).toEqual(bytes);
    const { doc, row } = inDoc('thumbnails', shared);
    const back = yToRow('thumbnails', row, 'b1') as typeof image;
    expect(back.blob).toBeInstanceOf(Blob);
    expect(new Uint8Array(await (back.blob as Blob).arrayBuffer())).toEqual(bytes);
    expect((back.blob as Blob).type).toBe('image/png');
    expect(fingerprint(sharedOf('thumbnails', image))).toBe(fingerprint(shared));
    expect(docToJSON(doc).thumbnails).toEqual({ i1: expect.objectContaining({ blob: { bytes: 4 } }) });
  });

  test('the digest ignores key order and tells changes apart', () => {
    expect(fingerprint({ a: 1, b: [1, { c: null }] })).toBe(fingerprint({ b: [1, { c: null }], a: 1 }));
    expect(fingerprint({ a: 1 })).not.toBe(fingerprint({ a: 2 }));
    expect(fingerprint({ a: 'x', b: undefined })).toBe(fingerprint({ a: 'x' }));
  });
});

describe('the brand in meta', () => {
  test('written once, read back, only changes applied', () => {
    const doc = new Y.Doc();
    const meta = metaOf(doc);
    expect(metaOfY(meta)).toBeNull();
    const brand = { id: 'b1', createdAt: 1, updatedAt: 5, name: 'Trattoria Da Gino', color: '#dc2626', timeZone: 'Europe/Rome' };
    expect(doc.transact(() => applyBrandToMeta(meta, brand))).toBe(true);
    expect(meta.toJSON()).toEqual({ name: 'Trattoria Da Gino', color: '#dc2626', timeZone: 'Europe/Rome', createdAt: 1, updatedAt: 5, format: 1 });
    expect(doc.transact(() => applyBrandToMeta(meta, brand))).toBe(false);
    expect(brandFromMeta('b1', metaOfY(meta)!, { ...brand, name: 'old', createdAt: 1 })).toEqual(brand);
    expect(brandFromMeta('b1', metaOfY(meta)!)).toMatchObject({ id: 'b1', name: 'Trattoria Da Gino', createdAt: 1 });
  });
});

describe('a text changed on both sides at once', () => {
  test('edits in different places are both kept; overlapping ones are not merged', () => {
    const base = 'Grazie per il messaggio';
    expect(mergeText(base, `Ciao! ${base}`, `${base}, a presto`)).toBe('Ciao! Grazie per il messaggio, a presto');
    expect(mergeText(base, `${base}, a presto`, `Ciao! ${base}`)).toBe('Ciao! Grazie per il messaggio, a presto');
    expect(mergeText(base, 'Grazie mille per il messaggio', 'Grazie per il bel messaggio')).toBe('Grazie mille per il bel messaggio');
    expect(mergeText(base, base, 'Altro')).toBe('Altro');
    expect(mergeText(base, 'Mio', base)).toBe('Mio');
    expect(mergeText(base, 'Grazie tante', 'Grazie mille')).toBeNull();
  });

  test('a row: the newer plain fields, both text edits', () => {
    const base = sharedOf('savedReplies', reply);
    const mine = { ...base, body: `Ciao! ${reply.body}`, tags: ['mia'], updatedAt: 10 };
    const theirs = { ...base, body: `${reply.body} Gino`, tags: ['loro'], updatedAt: 11 };
    expect(mergeRows('savedReplies', mine, theirs, { title: reply.title, body: reply.body })).toEqual({ ...theirs, body: `Ciao! ${reply.body} Gino` });
    expect(mergeRows('savedReplies', mine, theirs, undefined)).toEqual(theirs);
  });
});
