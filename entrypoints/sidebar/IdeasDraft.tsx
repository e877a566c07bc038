import { useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Button, Notice, Section } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import { sendMessage } from '@/utils/messaging/protocol';
import { draftToInsertItem } from '@/utils/settings/items';

/** A draft chosen in the library ("use as draft"), ready to go into the page's text box
 * through the insertion engine; cleared once inserted or dismissed. */
export function IdeasDraft() {
  const { t } = useI18n();
  const [draft, setDraft] = useStorageItem(draftToInsertItem);
  const [failed, setFailed] = useState(false);
  if (!draft) return null;
  const tags = draft.hashtags.map((tag) => `#${tag}`).join(' ');
  return (
    <Section title={t('clipsPageDraftTitle')} testId="clips-page-draft">
      <p className="whitespace-pre-wrap break-words rounded-md bg-slate-50 p-2 text-sm dark:bg-slate-800" dir="auto">
        {draft.text}
        {tags && <span className="mt-1 block text-blue-700 dark:text-blue-300">{tags}</span>}
      </p>
      <div className="flex gap-2">
        <Button
          variant="primary"
          data-testid="clips-page-draft-insert"
          onClick={async () => {
            const result = await sendMessage('insertDraft').catch(() => ({ ok: false }));
            setFailed(!result.ok);
          }}
        >
          {t('clipsPageDraftInsert')}
        </Button>
        <Button data-testid="clips-page-draft-dismiss" onClick={() => void setDraft(null)}>
          {t('clipsPageDraftDismiss')}
        </Button>
      </div>
      {failed && (
        <Notice tone="warn" testId="clips-page-draft-failed">
          {t('clipsPageDraftFailed')}
        </Notice>
      )}
    </Section>
  );
}
