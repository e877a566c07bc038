/** One entry of a `_locales/<lang>/messages.json` file (Chrome's format). */
export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type MessageCatalog = Record<string, MessageEntry>;

/** Formats a catalog entry the way `browser.i18n.getMessage` does: named placeholders
 * (`$COUNT$`) resolve through `placeholders` to `$1`…`$9`, which take the
 * substitutions; `$$` is a literal dollar. Implemented here because an explicit
 * language choice must override the browser's, which `browser.i18n` cannot do. */
export function formatMessage(entry: MessageEntry, substitutions: readonly (string | number)[] = []): string {
  const subs = substitutions.map(String);
  const positional = (text: string) =>
    text.replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (subs[Number(which) - 1] ?? '')));
  const placeholders = Object.fromEntries(
    Object.entries(entry.placeholders ?? {}).map(([name, value]) => [name.toLowerCase(), value.content]),
  );
  const named = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
    const content = placeholders[name.toLowerCase()];
    return content === undefined ? whole : positional(content);
  });
  return positional(named);
}
