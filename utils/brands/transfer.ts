/**
 * One brand as one file (issue #13): what an agency hands to a colleague or to the client.
 *
 * The file is a backup (docs/backup-format.md) filtered to one brand, the way the clips
 * export is a backup filtered to clips (`utils/clips/archive.ts`): the brand's row, its
 * accounts, saved replies, hashtag sets, learned hashtags, clips with their images and
 * post log; every other row is left out. So it is written by `writeBackupZip`, read and
 * validated in full by `readBackup`, merged by `applyImport` in one transaction, and the
 * settings' restore reads it too. What makes it "one brand" is its content, checked by
 * `readBrandFile`: exactly one brand, and every row belongs to it.
 */
import { postsOfBrand } from './ops';
import type { AppDB } from '../db/app-db';
import type { Brand } from '../db/brands';
import { TABLE_NAMES } from '../db/schema';
import type { RowsByTable } from '../db/table-records';
import { writeBackupZip, type ExportOptions } from '../backup/export';
import { readBackup, type ParsedBackup, type ReadOptions } from '../backup/import';
import type { BackupFailure } from '../backup/errors';

/** The brand's rows, read in one transaction (a consistent snapshot). Images are the
 * ones of the brand's clips; logged posts the ones filed under the brand. */
export async function readBrandRows(db: AppDB, brandId: string): Promise<RowsByTable> {
  return db.transaction('r', db.allTables(), async () => {
    const brand = await db.brands.get(brandId);
    if (!brand) throw new Error('brand-not-found');
    const clips = await db.clips.where('brandId').equals(brandId).toArray();
    return {
      brands: [brand],
      accounts: await db.accounts.where('brandId').equals(brandId).sortBy('id'),
      savedReplies: await db.savedReplies.filter((r) => r.brandId === brandId).toArray(),
      hashtagSets: await db.hashtagSets.filter((s) => s.brandId === brandId).toArray(),
      hashtagStats: await db.hashtagStats.where('brandId').equals(brandId).sortBy('id'),
      clips: clips.sort(byId),
      images: await db.images.where('clipId').anyOf(clips.map((clip) => clip.id)).sortBy('id'),
      postLog: await postsOfBrand(db, brandId).toArray(),
    };
  });
}

function byId(a: { id: string }, b: { id: string }): number {
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function exportBrandZip(db: AppDB, brandId: string, options: ExportOptions = {}): Promise<Blob> {
  return writeBackupZip(await readBrandRows(db, brandId), options);
}

/** `spalla-brand-pizzeria-da-gino-2026-11-28.zip`, in the user's own calendar. */
export function brandFileName(brand: Pick<Brand, 'name'>, date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  const slug =
    brand.name
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, 60) || 'brand';
  return `spalla-brand-${slug}-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.zip`;
}

/** A file that passed every backup check but is not one brand's: no brand or several, or
 * rows of another brand or shared by all (a full backup is restored in the settings,
 * whose preview shows every table). `brands`: how many brands it holds; `foreign`: how
 * many rows belong to no brand of the file. */
export type NotOneBrand = { ok: false; notOneBrand: true; brands: number; foreign: number };

export type BrandFileResult = { ok: true; backup: ParsedBackup; brand: Brand } | BackupFailure | NotOneBrand;

export async function readBrandFile(file: Blob, options?: ReadOptions): Promise<BrandFileResult> {
  const read = await readBackup(file, options);
  if (!read.ok) return read;
  return checkOneBrand(read.backup);
}

export function checkOneBrand(backup: ParsedBackup): BrandFileResult {
  const { tables } = backup;
  const brand = tables.brands.length === 1 ? tables.brands[0] : undefined;
  const clipIds = new Set(tables.clips.map((clip) => clip.id));
  let foreign = 0;
  for (const name of TABLE_NAMES) {
    if (name === 'brands') continue;
    for (const row of tables[name] as { brandId: string | null; clipId?: string }[]) {
      // An image belongs to the brand through its clip.
      const ours = name === 'images' ? clipIds.has(row.clipId!) : brand !== undefined && row.brandId === brand.id;
      if (!ours) foreign++;
    }
  }
  if (!brand || foreign > 0) return { ok: false, notOneBrand: true, brands: tables.brands.length, foreign };
  return { ok: true, backup, brand };
}
