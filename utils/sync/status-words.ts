import type { Translate } from '../i18n/catalog';
import { formatDate, formatDateTime, formatTime } from '../i18n/dates';
import type { UiLanguage } from '../i18n/language';
import type { SyncError, SyncStatus } from '../messaging/features/sync';

/** Why "Share this brand" or "Join a shared brand" did not happen: the background's
 * answers (`SyncShareResult`, `SyncJoinResult`), and 'no-answer' when the message itself
 * failed (the background was restarting). */
export type SyncFormError = SyncError | 'already-shared' | 'no-brand' | 'no-answer';

/** A sync error in words, the same sentence in the status line and next to the forms. */
export function syncErrorWords(error: SyncFormError, t: Translate): string {
  switch (error) {
    case 'token-refused':
      return t('syncErrorTokenRefused');
    case 'unreachable':
      return t('syncErrorUnreachable');
    case 'server-refused':
      return t('syncErrorServerRefused');
    case 'bad-address':
      return t('syncErrorBadAddress');
    case 'read-only-change':
      return t('syncErrorReadOnlyChange');
    case 'already-shared':
      return t('syncErrorAlreadyShared');
    case 'no-brand':
      return t('syncErrorNoBrand');
    case 'no-answer':
      return t('syncErrorNoAnswer');
  }
}

/** A moment as short as it can be told: the time alone today, else date and time
 * (two messages, since Italian says "dalle 9:12" but "dal 20 nov 2026, 9:12"). */
function moment(ms: number, language: UiLanguage, now: number, timeZone?: string): { today: boolean; words: string } {
  const today = formatDate(ms, language, timeZone) === formatDate(now, language, timeZone);
  return { today, words: today ? formatTime(ms, language, timeZone) : formatDateTime(ms, language, timeZone) };
}

/**
 * A shared brand's status in words, for the library's status line and the sidebar's
 * indicator: "Connected, up to date", "Syncing…", "Offline since 9:12 AM: changes are kept
 * and sent when the connection is back", or the error ("Token refused: …"). An error
 * beside a working connection (a read-only change put back) follows the phase.
 * `timeZone` undefined = the browser's zone (tests pass one).
 */
export function syncStatusWords(status: SyncStatus, t: Translate, language: UiLanguage, now: number, timeZone?: string): string {
  let words: string;
  switch (status.phase) {
    case 'connecting':
      words = t('syncStatusConnecting');
      break;
    case 'syncing':
      words = t('syncStatusSyncing');
      break;
    case 'connected':
      words = t('syncStatusConnected');
      break;
    case 'offline':
      if (status.offlineSince === null) {
        words = t('syncStatusOffline');
      } else {
        const since = moment(status.offlineSince, language, now, timeZone);
        words = since.today ? t('syncStatusOfflineSinceTime', since.words) : t('syncStatusOfflineSinceDate', since.words);
      }
      break;
    case 'error':
      return status.error ? syncErrorWords(status.error, t) : t('syncStatusFailed');
  }
  return status.error ? `${words} · ${syncErrorWords(status.error, t)}` : words;
}

/** When the brand was last up to date, for the status line ("Last synced 9:12 AM");
 * null before the first exchange. */
export function syncLastSyncedWords(status: SyncStatus, t: Translate, language: UiLanguage, now: number, timeZone?: string): string | null {
  return status.lastSyncedAt === null ? null : t('syncLastSynced', moment(status.lastSyncedAt, language, now, timeZone).words);
}
