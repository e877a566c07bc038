import type { Network } from '@/utils/db/record';
import { SITE_LABEL_KEYS } from '@/utils/sites/networks';
import { TIMING_PRIORS } from '@/utils/timing/priors';
import { useI18n } from '../i18n';

/** Where no published study covers a network (X, Threads, LinkedIn today; see
 * docs/best-time.md), the best-time grid starts flat: said in words, never left to guess. */
export function NoStudyNote({ network }: { network: Network }) {
  const { t } = useI18n();
  if (TIMING_PRIORS.some((prior) => prior.network === network)) return null;
  return (
    <p className="max-w-md text-xs text-slate-600 dark:text-slate-300" data-testid="best-time-no-study" data-network={network}>
      {t('bestTimeNoStudy', t(SITE_LABEL_KEYS[network]))}
    </p>
  );
}
