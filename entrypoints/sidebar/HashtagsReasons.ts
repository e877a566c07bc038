import type { Translate } from '@/utils/i18n/catalog';
import type { SuggestionReason } from '@/utils/messaging/features/hashtags';

/** A suggestion's reason in the user's language (the engine gives codes). */
export function reasonText(t: Translate, reason: SuggestionReason): string {
  switch (reason.code) {
    case 'yours':
      return t('hashtagsReasonYours', reason.count);
    case 'used-before':
      return t('hashtagsReasonUsedBefore');
    case 'cooccurs':
      return t('hashtagsReasonCooccurs', reason.with.startsWith('#') ? reason.with : `#${reason.with}`);
    case 'word-in-text':
      return t('hashtagsReasonWord');
    case 'set':
      return t('hashtagsReasonSet', reason.name);
    case 'topic':
      return t('hashtagsReasonTopic', topicName(t, reason.topic));
    default:
      return '';
  }
}

/** The starter vocabulary's topic ids have names in both languages where we know them. */
function topicName(t: Translate, topic: string): string {
  const key = `hashtagsTopic_${topic.replace(/[^A-Za-z0-9_]/g, '_')}`;
  const name = t(key);
  return name === key ? topic : name;
}
