// X (#14) in Firefox ESR, on one box: X switched on in the library's settings (its
// permission answered by the preference, see optional-sites-firefox.e2e.ts), then a saved
// reply into a post page's reply box (Draft.js) by a click, a typed shortcut and the palette,
// into an empty box and with the caret mid-text, read back from Draft's own state, the text
// around kept, undo taking it back. The page is Italian: `{{first_name|amico}}` greets
// "Giulia", the author of the post answered.
import { describeNetworkBox } from './support/firefox-network-box';

describeNetworkBox("Firefox: a saved reply into X's reply box (Draft.js)", 'x', 'x.com', { id: 'x-reply', path: '/giuliaverdi/status/1790000000000000001?lang=it', away: '/messages?lang=it' }, 'Giulia');
