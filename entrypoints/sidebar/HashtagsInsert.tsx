import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice } from '@/components/ui';
import type { InsertHashtagsResult } from '@/utils/messaging/features/hashtag-sets';
import { sendMessage } from '@/utils/messaging/protocol';

export type InsertOutcome =
  | { kind: 'inserted'; added: string[]; overLimit: string[] }
  | { kind: 'ask-over-limit'; tags: string[] }
  | { kind: 'already-there'; tags: string[] }
  | { kind: 'copied'; text: string }
  | { kind: 'failed'; reason: string };

const hashes = (tags: readonly string[]) => tags.map((tag) => `#${tag}`).join(' ');

/** Adding hashtags to the composer through the background and the page agent, with the
 * one question the limit may raise. */
export function useHashtagInsert() {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<InsertOutcome | null>(null);

  async function insert(tags: string[], allowOverLimit = false) {
    setBusy(true);
    try {
      let result: InsertHashtagsResult;
      try {
        result = await sendMessage('insertHashtags', { tags, allowOverLimit });
      } catch {
        result = { ok: false, reason: 'no-agent' };
      }
      if (result.ok) {
        setOutcome({ kind: 'inserted', added: result.added, overLimit: result.overLimit });
      } else if (result.reason === 'over-limit') {
        setOutcome({ kind: 'ask-over-limit', tags: result.overLimit ?? tags });
      } else if (result.reason === 'already-there') {
        setOutcome({ kind: 'already-there', tags: result.alreadyThere ?? tags });
      } else {
        // It could not go in: say so, and put it on the clipboard instead.
        const text = hashes(tags);
        const copied = await navigator.clipboard.writeText(text).then(
          () => true,
          () => false,
        );
        setOutcome(copied ? { kind: 'copied', text } : { kind: 'failed', reason: result.reason });
      }
    } finally {
      setBusy(false);
    }
  }

  return { busy, outcome, insert, dismiss: () => setOutcome(null) };
}

/** What the last insertion did, and the question when the limit is reached. */
export function InsertOutcomeNotice({
  outcome,
  limit,
  onConfirm,
  onDismiss,
}: {
  outcome: InsertOutcome | null;
  limit: number | null;
  onConfirm: (tags: string[]) => void;
  onDismiss: () => void;
}) {
  const { t } = useI18n();
  if (!outcome) return null;
  if (outcome.kind === 'ask-over-limit' || (outcome.kind === 'inserted' && outcome.overLimit.length > 0)) {
    const left = outcome.kind === 'ask-over-limit' ? outcome.tags : outcome.overLimit;
    return (
      <Notice tone="warn" testId="hashtags-insert-result">
        <span data-status={outcome.kind === 'ask-over-limit' ? 'over-limit' : 'trimmed'} data-testid="hashtags-insert-status">
          {outcome.kind === 'inserted' && `${t('hashtagsInserted', hashes(outcome.added))} `}
          {t('hashtagsOverLimitAsk', limit ?? 0, hashes(left))}
        </span>
        <div className="mt-2 flex gap-2">
          <Button onClick={() => onConfirm(left)} data-testid="hashtags-confirm-over">
            {t('hashtagsAddAnyway')}
          </Button>
          <Button onClick={onDismiss} data-testid="hashtags-confirm-cancel">
            {t('hashtagsKeepWithin')}
          </Button>
        </div>
      </Notice>
    );
  }
  const [tone, status, text] =
    outcome.kind === 'inserted'
      ? (['ok', 'inserted', t('hashtagsInserted', hashes(outcome.added))] as const)
      : outcome.kind === 'already-there'
        ? (['info', 'already-there', t('hashtagsAlreadyThere', hashes(outcome.tags))] as const)
        : outcome.kind === 'copied'
          ? (['warn', 'copied', t('hashtagsCopiedInstead', outcome.text)] as const)
          : (['error', 'failed', t(outcome.reason === 'no-composer' ? 'hashtagsNoComposer' : 'hashtagsInsertFailed')] as const);
  return (
    <Notice tone={tone} testId="hashtags-insert-result">
      <span data-status={status} data-testid="hashtags-insert-status">
        {text}
      </span>
    </Notice>
  );
}
