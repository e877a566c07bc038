import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { browser } from '#imports';
import { enabledSitesItem, siteSwitchedOn, type OptionalSiteKey, type SiteKey, type SiteSwitches as Switches } from '@/utils/settings/items';
import { OPTIONAL_SITE_ORIGINS, OPTIONAL_SITES, isOptionalSite, optionalSiteOrigins, SITE_LABEL_KEYS } from '@/utils/sites/networks';
import { useI18n } from './i18n';
import { Section } from './ui';
import { useStorageItem } from './useStorageItem';

const SITES: SiteKey[] = ['facebook', 'instagram', 'business', ...OPTIONAL_SITES];

/** Which optional networks the browser has granted, kept live. */
function useOptionalPermissions(): Record<OptionalSiteKey, boolean> | undefined {
  const [granted, setGranted] = useState<Record<OptionalSiteKey, boolean>>();
  useEffect(() => {
    let live = true;
    const read = async () => {
      const entries = await Promise.all(
        OPTIONAL_SITES.map(async (site) => {
          const ok = await browser.permissions.contains({ origins: OPTIONAL_SITE_ORIGINS[site].pages }).catch(() => false);
          return [site, ok] as const;
        }),
      );
      if (live) setGranted(Object.fromEntries(entries) as Record<OptionalSiteKey, boolean>);
    };
    void read();
    const changed = () => void read();
    browser.permissions.onAdded.addListener(changed);
    browser.permissions.onRemoved.addListener(changed);
    return () => {
      live = false;
      browser.permissions.onAdded.removeListener(changed);
      browser.permissions.onRemoved.removeListener(changed);
    };
  }, []);
  return granted;
}

/** Sets one switch on the stored value as it is now (another page may have changed it). */
async function writeSwitch(site: SiteKey, on: boolean) {
  const now: Switches = await enabledSitesItem.getValue();
  await enabledSitesItem.setValue({ ...now, [site]: on });
}

/**
 * The on/off switch of each site. Facebook, Instagram and Business Suite are granted at
 * install; X, Threads and LinkedIn (#14) ask the browser for their site when switched on.
 * The request must be made inside the click (a user gesture), before anything is awaited;
 * the switch is written at once, so that the background follows the grant even when a
 * Firefox popup closes while the browser asks, and written back to off if the user says no.
 * The background registers the page agent for a network that is on and granted
 * (`utils/background/optional-sites.ts`). Switching off gives the access back.
 */
export function SiteSwitches({ Row }: { Row: ComponentType<{ label: ReactNode; children: ReactNode }> }) {
  const { t } = useI18n();
  const [sites] = useStorageItem(enabledSitesItem);
  const granted = useOptionalPermissions();
  const [denied, setDenied] = useState<OptionalSiteKey | null>(null);
  if (!sites || !granted) return null;

  const isOn = (site: SiteKey) => siteSwitchedOn(sites, site) && (!isOptionalSite(site) || granted[site]);

  function toggle(site: SiteKey, on: boolean) {
    if (!isOptionalSite(site)) return void writeSwitch(site, on);
    const origins = optionalSiteOrigins(site);
    if (on) {
      const asked = browser.permissions.request({ origins });
      setDenied(null);
      void writeSwitch(site, true);
      void asked
        .catch(() => false)
        .then((ok) => {
          if (ok) return;
          setDenied(site);
          void writeSwitch(site, false);
        });
    } else {
      void writeSwitch(site, false);
      // Fails where a wider grant covers the site (clipping on any site): nothing to do then.
      void browser.permissions.remove({ origins }).catch(() => false);
    }
  }

  return (
    <Section title={t('settingsSitesTitle')}>
      {SITES.map((site) => (
        <Row key={site} label={t(SITE_LABEL_KEYS[site])}>
          <input
            type="checkbox"
            role="switch"
            className="h-4 w-4 accent-blue-600"
            checked={isOn(site)}
            onChange={(e) => toggle(site, e.target.checked)}
            data-testid={`settings-site-${site}`}
          />
        </Row>
      ))}
      <p className="text-xs text-slate-500 dark:text-slate-400">{t('settingsSitesAskHint')}</p>
      {denied && (
        <p role="alert" className="text-xs text-amber-700 dark:text-amber-300" data-testid="settings-site-denied">
          {t('settingsSitePermissionDenied', t(SITE_LABEL_KEYS[denied]))}
        </p>
      )}
    </Section>
  );
}
