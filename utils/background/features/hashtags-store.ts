import Dexie from 'dexie';
import type { AppDB } from '../../db/app-db';
import type { HashtagStat } from '../../db/hashtags';
import { newId } from '../../db/record';
import { createHashtagModel, type HashtagModel, type LearnedHashtag, type LearnOptions } from '../../hashtags/model';

/** Harvest sends a message per post scrolled past: writes wait this long to go out as
 * one transaction (a service worker lives for 30 s after the last event, plenty). */
export const FLUSH_DELAY_MS = 1000;

/**
 * The learned hashtag model of the background: loaded from table `hashtagStats` once, on
 * first use (a service worker is stopped after idle, so every cold start pays this
 * load), kept in memory, and written back in batches.
 *
 * The stored rows are the model's own entries (`LearnedHashtag` + id and times), so the
 * load indexes the rows it reads without copying them.
 */
export class LearnedHashtagStore {
  private loading: Promise<HashtagModel> | undefined;
  /** Models with changes not yet written (the one in use, and one dropped for a reload
   * before its changes went out). */
  private unwritten = new Set<HashtagModel>();
  private writing: Promise<void> = Promise.resolve();
  private flushTimer: ReturnType<typeof setTimeout> | undefined;
  /** Our own writes whose `storagemutated` event (one per committed transaction) has
   * not come yet: those events are not news. */
  private ownEventsDue = 0;
  private stopWatching: (() => void) | undefined;

  constructor(
    private readonly db: AppDB,
    private readonly flushDelayMs = FLUSH_DELAY_MS,
  ) {}

  /** The model, loading it on first call. */
  model(): Promise<HashtagModel> {
    // A failed read is tried again on next use, not remembered.
    this.loading ??= this.load().catch((error: unknown) => {
      this.loading = undefined;
      throw error;
    });
    return this.loading;
  }

  private async load(): Promise<HashtagModel> {
    const rows = await this.db.hashtagStats.toArray();
    // Watched from here on: opening a new database reports every table as changed.
    this.watchOtherWriters();
    const model = createHashtagModel();
    model.load(rows);
    return model;
  }

  /** A backup restore (library page) or a wipe writes the table from another context:
   * the model in memory is dropped and read again on next use. */
  private watchOtherWriters() {
    if (this.stopWatching) return;
    const prefix = `idb://${this.db.name}/hashtagStats/`;
    const onMutated = (parts: Record<string, unknown>) => {
      if (!Object.keys(parts).some((part) => part.startsWith(prefix) || part === 'all')) return;
      if (this.ownEventsDue > 0) this.ownEventsDue--;
      else this.loading = undefined;
    };
    Dexie.on('storagemutated', onMutated);
    this.stopWatching = () => Dexie.on('storagemutated').unsubscribe(onMutated);
  }

  async learn(textOrTags: string | readonly string[], options: LearnOptions): Promise<number> {
    const model = await this.model();
    const learned = model.learn(textOrTags, options);
    if (learned > 0) {
      this.unwritten.add(model);
      this.scheduleFlush();
    }
    return learned;
  }

  private scheduleFlush() {
    if (this.flushTimer !== undefined) return;
    this.flushTimer = setTimeout(() => {
      this.flushTimer = undefined;
      void this.flush();
    }, this.flushDelayMs);
  }

  /** Writes what changed since the last write, in one transaction. */
  flush(): Promise<void> {
    if (this.flushTimer !== undefined) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    this.writing = this.writing.then(async () => {
      const changed = [...this.unwritten].flatMap((model) => model.takeChanged());
      this.unwritten.clear();
      if (changed.length === 0) return;
      const now = Date.now();
      const rows = changed.map((entry) => stamp(entry, now));
      await this.ownWriting(() => this.db.hashtagStats.bulkPut(rows));
    });
    return this.writing;
  }

  /** Forgets everything learned, in memory, stored and not yet written; answers how many
   * stored rows went. */
  async clear(): Promise<number> {
    let cleared = 0;
    this.writing = this.writing.then(async () => {
      cleared = await this.db.hashtagStats.count();
      await this.ownWriting(() => this.db.hashtagStats.clear());
      const model = await this.model();
      model.clear();
      model.takeChanged();
      this.unwritten.clear();
    });
    await this.writing;
    return cleared;
  }

  private async ownWriting(write: () => Promise<unknown>) {
    this.ownEventsDue++;
    try {
      await write();
    } catch (error) {
      this.ownEventsDue--; // An aborted transaction reports nothing.
      throw error;
    }
  }

  /** Stops watching other writers (tests). */
  close() {
    this.stopWatching?.();
    this.stopWatching = undefined;
    if (this.flushTimer !== undefined) clearTimeout(this.flushTimer);
  }
}

/** Gives a model entry the fields of a stored row, in place: the entry is the row. */
function stamp(entry: LearnedHashtag, now: number): HashtagStat {
  const row = entry as LearnedHashtag & Partial<HashtagStat>;
  row.id ??= newId();
  row.createdAt ??= now;
  row.updatedAt = now;
  return row as HashtagStat;
}
