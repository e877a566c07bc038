import { useEffect, useMemo, useState } from 'react';
import { useI18n } from '@/components/i18n';
import { Section } from '@/components/ui';
import { useStorageItem } from '@/components/useStorageItem';
import type { Network } from '@/utils/db/record';
import { lintCaption } from '@/utils/hashtags/lint';
import { rulesFor } from '@/utils/hashtags/limits';
import { hashtagAvoidListItem, instagramHashtagLimitItem } from '@/utils/settings/items';
import { SUGGESTION_LIMIT, useComposerText, useHashtagSets, useSuggestions } from './HashtagsData';
import { HashtagsHarvestNotice } from './HashtagsHarvestNotice';
import { InsertOutcomeNotice, useHashtagInsert } from './HashtagsInsert';
import { HashtagsLint } from './HashtagsLint';
import { HashtagsSetList, SaveSetForm } from './HashtagsSets';
import { HashtagsSuggestions } from './HashtagsSuggestions';
import type { SidebarPanelProps } from './tabs';

const PASTE_DEBOUNCE_MS = 150;

/** Hashtags for what is being written: suggestions with their reasons, the linter,
 * the user's sets, and a box to paste any text. Clicking adds to the composer. */
export function HashtagsPanel({ page }: SidebarPanelProps) {
  const { t } = useI18n();
  const composer = useComposerText();
  const [avoid] = useStorageItem(hashtagAvoidListItem);
  const [instagramLimit] = useStorageItem(instagramHashtagLimitItem);
  const [pasted, setPasted] = useState('');
  const [setsVersion, setSetsVersion] = useState(0);
  const sets = useHashtagSets(setsVersion);
  const { busy, outcome: lastOutcome, insert, dismiss } = useHashtagInsert();
  // What the last click did belongs to the page it was done on: shown only while that
  // page (path) is the one beside the sidebar.
  const [outcomePath, setOutcomePath] = useState<string | undefined>();
  const pagePath = page?.path;
  useEffect(() => setOutcomePath(pagePath), [lastOutcome]); // eslint-disable-line react-hooks/exhaustive-deps
  const outcome = outcomePath === pagePath ? lastOutcome : null;

  // Business Suite writes to Facebook unless its composer names Instagram (composerNetwork).
  const siteNetwork: Network = !page || page.site === 'business' ? 'facebook' : page.site;
  const network = composer?.network ?? siteNetwork;
  const avoidList = avoid ?? [];
  const rules = rulesFor(network, instagramLimit, composer?.box);
  const composerTextNow = composer?.text ?? '';
  const composerLint = useMemo(() => lintCaption(composerTextNow, rules, avoidList), [composerTextNow, rules.maxHashtags, rules.maxLength, network, avoidList]);
  const pastedLint = useMemo(() => lintCaption(pasted, rules, avoidList), [pasted, rules.maxHashtags, rules.maxLength, network, avoidList]);
  const composerSuggestions = useSuggestions(composerTextNow, network, avoidList);
  const pastedSuggestions = useSuggestions(pasted, network, avoidList, PASTE_DEBOUNCE_MS);

  return (
    <>
      <HashtagsHarvestNotice />
      <InsertOutcomeNotice outcome={outcome} limit={rules.maxHashtags} onConfirm={(tags) => void insert(tags, true)} onDismiss={dismiss} />

      <Section title={t('hashtagsForComposer')} testId="hashtags-composer">
        <div data-testid="hashtags-composer-state" data-network={network} data-has-text={String(composerTextNow.trim() !== '')} data-focused={String(composer?.focused ?? false)}>
          {composerTextNow.trim() === '' ? (
            <p className="text-xs text-slate-500 dark:text-slate-400">{t('hashtagsTypeHint')}</p>
          ) : (
            <div className="space-y-2">
              <HashtagsLint lint={composerLint} />
              <HashtagsSuggestions state={composerSuggestions} testId="hashtags-suggestions-composer" busy={busy} onPick={(s) => void insert([s.tag])} />
              <SaveSetForm
                tags={composerSuggestions.items.slice(0, rules.maxHashtags ?? SUGGESTION_LIMIT).map((s) => s.tag)}
                network={network}
                testId="hashtags-save-suggestions"
                label={t('hashtagsSaveSuggestions')}
                onSaved={() => setSetsVersion((v) => v + 1)}
              />
              <SaveSetForm
                tags={uniqueTags(composerLint.tags)}
                network={network}
                testId="hashtags-save-composer-tags"
                label={t('hashtagsSaveTextTags')}
                onSaved={() => setSetsVersion((v) => v + 1)}
              />
            </div>
          )}
        </div>
      </Section>

      <Section title={t('hashtagsSetsTitle')} testId="hashtags-sets-section">
        <HashtagsSetList sets={sets} network={network} busy={busy} onInsert={(set) => void insert(set.tags)} />
      </Section>

      <Section title={t('hashtagsPasteTitle')} testId="hashtags-paste">
        <textarea
          className="h-24 w-full rounded-md border border-slate-300 bg-white p-2 text-sm dark:border-slate-600 dark:bg-slate-900"
          value={pasted}
          onChange={(e) => setPasted(e.target.value.slice(0, 20_000))}
          placeholder={t('hashtagsPastePlaceholder')}
          aria-label={t('hashtagsPasteTitle')}
          data-testid="hashtags-paste-input"
        />
        {pasted.trim() !== '' && (
          <div className="space-y-2">
            <HashtagsLint lint={pastedLint} />
            <HashtagsSuggestions state={pastedSuggestions} testId="hashtags-suggestions-paste" busy={busy} onPick={(s) => void insert([s.tag])} />
            <SaveSetForm
              tags={uniqueTags(pastedLint.tags)}
              network={network}
              testId="hashtags-save-paste-tags"
              label={t('hashtagsSaveTextTags')}
              onSaved={() => setSetsVersion((v) => v + 1)}
            />
          </div>
        )}
      </Section>
    </>
  );
}

function uniqueTags(tags: string[]): string[] {
  const seen = new Set<string>();
  return tags.filter((tag) => {
    const key = tag.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
