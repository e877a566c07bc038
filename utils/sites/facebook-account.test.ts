import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readFacebookAccount } from './facebook-account';

// The account best time reads on www.facebook.com (docs/best-time.md): a Page, or the user's
// own profile; never someone else's profile (facebookPersonProfile). Markup as the fixture's
// (tests/fixtures/src/facebook.tsx, ProfileHeadline), reduced to what the reader looks at.
function page(body: string): Document {
  return parseHTML(`<!doctype html><html><body>${body}</body></html>`).document as unknown as Document;
}
const banner = '<div role="banner"><a href="/" aria-label="Facebook">f</a><a href="/marta.rossi" aria-label="Marta Rossi"><img alt=""></a></div>';
const L = {
  en: { page: 'Page · Pizza place', friends: 'friends', addFriend: 'Add friend', areFriends: 'Friends' },
  it: { page: 'Pagina · Pizzeria', friends: 'amici', addFriend: 'Aggiungi agli amici', areFriends: 'Amici' },
};

describe.each(['en', 'it'] as const)('readFacebookAccount (%s)', (lang) => {
  const t = L[lang];
  const person = (user: string, name: string, button: string | null, friendsList = true) =>
    page(`${banner}<div role="main"><h1>${name}</h1>${friendsList ? `<a href="/${user}/friends">312 ${t.friends}</a>` : ''}${
      button ? `<div role="button" aria-label="${button}">${button}</div>` : ''
    }</div>`);
  const read = (url: string, doc: Document) => readFacebookAccount(new URL(url), doc);

  test('a Page is an account', () => {
    const doc = page(`${banner}<div role="main"><h1>Pizzeria Da Gino</h1><div role="button" aria-label="Like"></div><span>${t.page}</span></div>`);
    expect(read('https://www.facebook.com/pizzeriadagino', doc)).toEqual({ network: 'facebook', handle: 'pizzeriadagino', name: 'Pizzeria Da Gino' });
  });

  test("someone else's profile is none: a stranger, a friend, a hidden friends list", () => {
    expect(read('https://www.facebook.com/luca.bianchi', person('luca.bianchi', 'Luca Bianchi', t.addFriend))).toBeNull();
    expect(read('https://www.facebook.com/giulia.verdi', person('giulia.verdi', 'Giulia Verdi', t.areFriends))).toBeNull();
    expect(read('https://www.facebook.com/marco.neri', person('marco.neri', 'Marco Neri', t.addFriend, false))).toBeNull();
  });

  test("the user's own profile still is one (best time: \"your own Page or profile\")", () => {
    expect(read('https://www.facebook.com/marta.rossi', person('marta.rossi', 'Marta Rossi', null))).toEqual({
      network: 'facebook', handle: 'marta.rossi', name: 'Marta Rossi',
    });
  });
});
