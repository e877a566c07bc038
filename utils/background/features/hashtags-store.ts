import Dexie from 'dexie';
import type { AppDB } from '../../db/app-db';
import type { HashtagStat } from '../../db/hashtags';
import { createHashtagModel, type HashtagModel, type LearnOptions } from '../../hashtags/model';
import { packedScopeId, type PackedScope } from '../../hashtags/packed';

/** Harvest sends a message per post scrolled past: writes wait this long to go out as
 * one transaction (a service worker lives for 30 s after the last event, plenty). */
export const FLUSH_DELAY_MS = 1000;

/** A write rewrites each changed scope whole (a heavy one is megabytes), so the next one
 * waits at least this many times as long as the last took: writing stays under 1/20 of
 * the background's time however fast the feed scrolls. */
const WRITE_SPACING = 20;

/**
 * The learned hashtag model of the background: loaded from table `hashtagStats` once, on
 * first use (a service worker is stopped after idle, so every cold start pays this
 * load), kept in memory, and written back in batches.
 *
 * The table holds one packed record per network + brand (`utils/hashtags/packed.ts`):
 * the load reads a few records of typed arrays and the model keeps them as they are.
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
  /** When each stored scope was first written, kept through rewrites. */
  private createdAt = new Map<string, number>();
  private lastWriteMs = 0;
  /** How long the last load took: reading the records (with opening the database, when
   * it was the first to ask), then loading them into the model. For the benchmark. */
  lastLoad: { readMs: number; loadMs: number } | undefined;

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
    const started = performance.now();
    const rows = await this.db.hashtagStats.toArray();
    const read = performance.now();
    // Watched from here on: opening a new database reports every table as changed.
    this.watchOtherWriters();
    this.createdAt = new Map(rows.map((row) => [row.id, row.createdAt]));
    const model = createHashtagModel();
    model.load(rows);
    this.lastLoad = { readMs: read - started, loadMs: performance.now() - read };
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
    }, Math.max(this.flushDelayMs, WRITE_SPACING * this.lastWriteMs));
  }

  /** Writes what changed since the last write, in one transaction. */
  flush(): Promise<void> {
    if (this.flushTimer !== undefined) {
      clearTimeout(this.flushTimer);
      this.flushTimer = undefined;
    }
    this.writing = this.writing.then(async () => {
      const start = performance.now();
      const changed = [...this.unwritten].flatMap((model) => model.takeChanged());
      this.unwritten.clear();
      if (changed.length === 0) return;
      const now = Date.now();
      const rows = changed.map((scope) => this.record(scope, now));
      await this.ownWriting(() => this.db.hashtagStats.bulkPut(rows));
      this.lastWriteMs = performance.now() - start;
    });
    return this.writing;
  }

  private record(scope: PackedScope, now: number): HashtagStat {
    const id = packedScopeId(scope.network, scope.brandId);
    const createdAt = this.createdAt.get(id) ?? now;
    this.createdAt.set(id, createdAt);
    return { id, createdAt, updatedAt: now, ...scope };
  }

  /** Writes what is waiting, then drops the model so that the next use reads the table:
   * after another page merged or deleted brands, whose learned hashtags it rewrote. Called
   * before such a change too, so that nothing learned for a brand about to go is written
   * back after it. */
  async reload(): Promise<void> {
    await this.flush();
    this.loading = undefined;
  }

  /** Forgets everything learned, in memory, stored and not yet written; answers how many
   * hashtags were forgotten. */
  async clear(): Promise<number> {
    let cleared = 0;
    this.writing = this.writing.then(async () => {
      const model = await this.model();
      cleared = model.info().hashtags;
      await this.ownWriting(() => this.db.hashtagStats.clear());
      model.clear();
      this.unwritten.clear();
      this.createdAt.clear();
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
