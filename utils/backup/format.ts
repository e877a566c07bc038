import { z } from 'zod';
import { NETWORKS } from '../db/record';
import { TABLE_NAMES, type TableName } from '../db/schema';
import { narrowUints, packedScopeId, packedScopeProblem } from '../hashtags/packed';

/** The backup file format (see docs/backup-format.md). A reader refuses a file whose
 * `formatVersion` is newer than this; bump it only when old readers would misread
 * new files. */
export const BACKUP_FORMAT = 'spalla-backup';
export const BACKUP_FORMAT_VERSION = 1;

// --- Layout of the zip -------------------------------------------------------------

/** Options every zip.js reader and writer here shares: no Web Workers (an extension's
 * CSP and a service worker both get in their way; the native (De)CompressionStream
 * does the work on the calling thread). */
export const ZIP_OPTIONS = { useWebWorkers: false } as const;

export const MANIFEST_ENTRY = 'manifest.json';
export const TABLES_DIR = 'tables/';
export const IMAGES_DIR = 'images/';

export function tableEntryName(table: TableName): string {
  return `${TABLES_DIR}${table}.json`;
}

const EXTENSIONS = new Map([
  ['image/jpeg', 'jpg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
  ['image/gif', 'gif'],
  ['image/avif', 'avif'],
  ['image/heic', 'heic'],
  ['image/svg+xml', 'svg'],
]);

/** `images/<id>.<ext>`: the extension only helps someone who unzips the file by hand. */
export function imageEntryName(id: string, type: string): string {
  return `${IMAGES_DIR}${id}.${EXTENSIONS.get(type) ?? 'bin'}`;
}

// --- Field schemas -----------------------------------------------------------------

/** Ids are `crypto.randomUUID()` in practice; any short token of these characters is
 * accepted, which also keeps an image's entry name (built from its id) safe. */
const ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
/** The largest epoch millisecond a `Date` can hold. */
const MAX_TIME = 8.64e15;

const id = z.string().regex(ID_PATTERN);
const time = z.int().min(0).max(MAX_TIME);
const count = z.int().min(0);
const text = (max: number) => z.string().max(max);
const network = z.enum(NETWORKS);
const brandRef = id.nullable();
const url = text(8192);
const tag = z.string().min(1).max(200);
const tagList = z.array(tag).max(1000);
const mimeType = z.string().regex(/^[a-z]+\/[a-z0-9.+-]{1,100}$/);

const baseRecord = { id, createdAt: time, updatedAt: time };

// --- Row schemas: one per table, mirroring the interfaces in utils/db ---------------
// `format.test.ts` checks at compile time that each one infers exactly its interface.

const timeZone = z.string().regex(/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/).nullable();

/** An account as database versions 1 and 2 kept it in `brands` (`utils/db/upgrades.ts`
 * makes it a brand and its account). */
export const brandV2Schema = z.strictObject({
  ...baseRecord,
  network,
  name: text(300),
  handle: text(200).nullable(),
  timeZone,
});

export const brandSchema = z.strictObject({
  ...baseRecord,
  name: text(300),
  color: z.string().regex(/^#[0-9a-f]{6}$/),
  timeZone,
});

export const accountSchema = z.strictObject({
  ...baseRecord,
  brandId: id,
  network,
  name: text(300),
  handle: text(200).nullable(),
  externalId: z.string().regex(/^[A-Za-z0-9_.-]{1,100}$/).nullable(),
});

/** Fill-in answers remembered per saved reply: one per field of its template. */
const MAX_REMEMBERED_ANSWERS = 100;

export const savedReplySchema = z.strictObject({
  ...baseRecord,
  title: text(300),
  body: text(20_000),
  shortcut: text(100).nullable(),
  tags: tagList,
  networks: z.array(network).max(2),
  language: z.string().regex(/^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,8}$/),
  brandId: brandRef,
  useCount: count,
  lastUsedAt: time.nullable(),
  lastAnswers: z
    .record(z.string().min(1).max(200), text(2000))
    .refine((o) => Object.keys(o).length <= MAX_REMEMBERED_ANSWERS, { message: 'too many keys' })
    .optional(),
});

export const hashtagSetSchema = z.strictObject({
  ...baseRecord,
  name: text(300),
  tags: tagList,
  network: network.nullable(),
  brandId: brandRef,
});

const MAX_COOCCURS = 10_000;

/** Learned hashtags as the first version of the database stored them, one row each:
 * what a backup exported with `dbVersion` 1 holds (`utils/db/upgrades.ts` packs them). */
export const hashtagStatV1Schema = z.strictObject({
  ...baseRecord,
  key: tag,
  tag,
  network,
  brandId: brandRef,
  ownCount: count,
  seenCount: count,
  cooccurs: z.record(tag, count).refine((o) => Object.keys(o).length <= MAX_COOCCURS, { message: 'too many keys' }),
  lastSeenAt: time,
});

/** Hashtags one network + brand may hold, and co-occurrence counts (both directions). */
const MAX_LEARNED_HASHTAGS = 500_000;
const MAX_PARTNER_COUNTS = 20_000_000;

/** Unsigned integers: a typed array in the database, a JSON list in the file. Either is
 * accepted, and the narrowest typed array that holds them comes out (`narrowUints`, the
 * rule the database follows, so a restored record is the record that was saved). */
function uints(max: number) {
  return z
    .preprocess((value) => (ArrayBuffer.isView(value) && !(value instanceof Float64Array) ? Array.from(value as Uint32Array) : value), z.array(z.int().min(0).max(0xffff_ffff)).max(max))
    .transform((values) => narrowUints(values));
}

/** Epoch milliseconds: a Float64Array in the database, a JSON list in the file. */
function times(max: number) {
  return z
    .preprocess((value) => (value instanceof Float64Array ? Array.from(value) : value), z.array(time).max(max))
    .transform((values) => Float64Array.from(values));
}

/** One network + brand's learned hashtags, packed (`utils/hashtags/packed.ts`). */
export const hashtagStatSchema = z
  .strictObject({
    ...baseRecord,
    id: z.string().regex(/^[A-Za-z0-9_-]{1,160}$/),
    network,
    brandId: brandRef,
    ownPosts: count,
    keys: z.array(tag).max(MAX_LEARNED_HASHTAGS),
    /** '' where the spelling is the key itself. */
    tags: z.array(z.string().max(200)).max(MAX_LEARNED_HASHTAGS),
    ownCounts: uints(MAX_LEARNED_HASHTAGS),
    seenCounts: uints(MAX_LEARNED_HASHTAGS),
    lastSeenAt: times(MAX_LEARNED_HASHTAGS),
    partnerStarts: uints(MAX_LEARNED_HASHTAGS + 1),
    partners: uints(MAX_PARTNER_COUNTS),
    partnerCounts: uints(MAX_PARTNER_COUNTS),
  })
  .superRefine((row, ctx) => {
    if (row.id !== packedScopeId(row.network, row.brandId)) {
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'not the id of its network and brand' });
    }
    const problem = packedScopeProblem(row, MAX_COOCCURS);
    if (problem) ctx.addIssue({ code: 'custom', path: problem.path, message: problem.message });
  });

export const clipSchema = z.strictObject({
  ...baseRecord,
  network: z.enum([...NETWORKS, 'web']),
  permalink: url.nullable(),
  authorName: text(300).nullable(),
  authorHandle: text(200).nullable(),
  text: text(100_000),
  hashtags: tagList,
  imageIds: z.array(id).max(200),
  postedAt: time.nullable(),
  counts: z.strictObject({ reactions: count.nullable(), comments: count.nullable(), shares: count.nullable() }),
  note: text(20_000),
  tags: tagList,
  status: z.enum(['idea', 'draft', 'scheduled', 'published', 'archived']),
  scheduledAt: time.nullable(),
  brandId: brandRef,
  clippedAt: time,
});

/** In a backup, an image's bytes are a file of the zip; its row points at it. */
export const imageFileSchema = z.strictObject({
  file: z.string().regex(/^images\/[A-Za-z0-9_-]{1,128}\.[a-z0-9]{1,8}$/),
  size: count,
  /** The Blob's own type; may be empty. */
  type: z.union([z.literal(''), mimeType]),
});

const imageRowFields = {
  ...baseRecord,
  clipId: id,
  role: z.enum(['thumbnail', 'full', 'poster']),
  mimeType,
  width: z.int().min(1).max(100_000).nullable(),
  height: z.int().min(1).max(100_000).nullable(),
  sourceUrl: url.nullable(),
  blob: imageFileSchema,
};

function imageFileMatchesId<T extends z.ZodType<{ id: string; blob: { file: string } }>>(schema: T) {
  return schema.refine((row) => row.blob.file.startsWith(`${IMAGES_DIR}${row.id}.`), {
    path: ['blob', 'file'],
    message: 'file does not match id',
  });
}

export const imageRowSchema = imageFileMatchesId(z.strictObject({ ...imageRowFields, brandId: brandRef }));
/** An image row before database version 3, which gave it its clip's brand. */
export const imageRowV2Schema = imageFileMatchesId(z.strictObject(imageRowFields));

const postLogFields = {
  ...baseRecord,
  brandId: brandRef,
  network,
  permalink: url.nullable(),
  publishedAt: time,
  metrics: z.strictObject({
    reactions: count.nullable(),
    comments: count.nullable(),
    shares: count.nullable(),
    saves: count.nullable(),
    reach: count.nullable(),
    views: count.nullable(),
  }),
  source: z.enum(['page', 'import', 'manual']),
};

export const postLogEntrySchema = z.strictObject({ ...postLogFields, accountId: brandRef });
/** A logged post before database version 3: its `brandId` was its account. */
export const postLogEntryV2Schema = z.strictObject(postLogFields);

export const rowSchemas = {
  brands: brandSchema,
  accounts: accountSchema,
  savedReplies: savedReplySchema,
  hashtagSets: hashtagSetSchema,
  hashtagStats: hashtagStatSchema,
  clips: clipSchema,
  images: imageRowSchema,
  postLog: postLogEntrySchema,
} satisfies Record<TableName, z.ZodType>;

/** A row as a table file holds it (images carry an `ImageFile` instead of a Blob). */
export type BackupRow<T extends TableName> = z.infer<(typeof rowSchemas)[T]>;
export type ImageFile = z.infer<typeof imageFileSchema>;

// --- Manifest ----------------------------------------------------------------------

export const manifestSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.int().min(1),
  /** The database schema version (`CURRENT_DB_VERSION`) the rows follow. */
  dbVersion: z.int().min(1),
  exportedAt: time,
  appVersion: text(50),
  /** Rows per table; every table of `dbVersion` is listed (`tableNamesAt`). */
  tables: z.strictObject(Object.fromEntries(TABLE_NAMES.map((name) => [name, name === 'accounts' ? count.optional() : count])) as Record<TableName, typeof count>),
});

export type Manifest = z.infer<typeof manifestSchema>;
