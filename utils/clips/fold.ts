/** Text as the search compares it: accents folded ("perché" = "perche", "città" =
 * "citta"), case folded, compatibility forms unified (ｆｕｌｌ width, ligatures). Italian
 * writers type accents inconsistently (or an apostrophe instead: "perche'"), so a search
 * must not depend on them. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{Mn}+/gu, '')
    .toLowerCase();
}
