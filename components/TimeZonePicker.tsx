import { useId, useMemo, useState } from 'react';
import { useI18n } from './i18n';

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

function allTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

/** A searchable list of IANA time zones ("rome", "new york", "Europe/"...). `testIdPrefix`
 * keeps the test ids apart when two pickers share a page. */
export function TimeZonePicker({
  value,
  onChange,
  testIdPrefix = 'settings-timezone',
}: {
  value: string;
  onChange(zone: string): void;
  testIdPrefix?: string;
}) {
  const { t } = useI18n();
  const zones = useMemo(allTimeZones, []);
  const [query, setQuery] = useState('');
  const listId = useId();
  const matches = useMemo(() => {
    const words = query.toLowerCase().replace(/[_/]/g, ' ').split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return zones.filter((zone) => {
      const hay = zone.toLowerCase().replace(/[_/]/g, ' ');
      return words.every((word) => hay.includes(word));
    });
  }, [query, zones]);

  return (
    <div className="space-y-1">
      <div className="text-sm">
        {t('settingsTimeZoneCurrent', value.replace(/_/g, ' '))}
      </div>
      <input
        type="search"
        className="w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-900"
        placeholder={t('settingsTimeZoneSearch')}
        aria-label={t('settingsTimeZoneSearch')}
        aria-controls={listId}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        data-testid={`${testIdPrefix}-search`}
      />
      {query && (
        <ul id={listId} role="listbox" className="max-h-40 overflow-auto rounded-md border border-slate-200 dark:border-slate-700">
          {matches.slice(0, 50).map((zone) => (
            <li key={zone} role="option" aria-selected={zone === value}>
              <button
                type="button"
                className="w-full px-2 py-1 text-left text-sm hover:bg-blue-50 dark:hover:bg-slate-700"
                onClick={() => {
                  onChange(zone);
                  setQuery('');
                }}
                data-testid={`${testIdPrefix}-option`}
              >
                {zone.replace(/_/g, ' ')}
              </button>
            </li>
          ))}
          {matches.length === 0 && <li className="px-2 py-1 text-sm text-slate-500">{t('settingsTimeZoneNone')}</li>}
        </ul>
      )}
    </div>
  );
}
