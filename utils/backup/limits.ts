/** How big a backup may be. Generous for real use (thousands of clips with images),
 * small enough that a hostile file cannot exhaust memory. Injectable for tests. */
export interface BackupLimits {
  /** The backup file itself. */
  maxFileBytes: number;
  /** Entries in the zip (one per table, one per image, the manifest). */
  maxEntries: number;
  /** One table's JSON, uncompressed (it is decoded into one string). */
  maxTableBytes: number;
  /** One image, uncompressed. */
  maxImageBytes: number;
  /** Everything, uncompressed: what a zip bomb would inflate to. */
  maxTotalBytes: number;
  /** Rows in one table. */
  maxRows: number;
}

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;

export const DEFAULT_LIMITS: BackupLimits = {
  maxFileBytes: 2 * GiB,
  maxEntries: 200_000,
  maxTableBytes: 256 * MiB,
  maxImageBytes: 64 * MiB,
  maxTotalBytes: 3 * GiB,
  maxRows: 500_000,
};

/** The manifest is a few hundred bytes; anything much bigger is not ours. */
export const MAX_MANIFEST_BYTES = 64 * 1024;
