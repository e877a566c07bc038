// Threads (#14) in Firefox ESR, on one box: Threads switched on in the library's settings
// (Firefox's permission prompt answered "Allow" by its preference, see
// optional-sites-firefox.e2e.ts), then a saved reply into the post page's Lexical reply box by
// a click, a typed shortcut and the palette, into an empty box and with the caret mid-text,
// read back from the editor's own state, the text around kept, undo taking it back.
// `{{first_name|amico}}` greets the author of the post answered, by the handle Threads shows.
import { describeNetworkBox } from './support/firefox-network-box';

describeNetworkBox('Firefox: a saved reply into the Threads reply box (Lexical)', 'threads', 'www.threads.com', { id: 'th-post-reply', path: '/@giulia.verdi/post/DQ1mAgE0p2x', away: '/search' }, 'giulia.verdi');
