// LinkedIn (#14) in Firefox ESR, on one box: LinkedIn switched on in the library's settings
// (Firefox's permission prompt answered "Allow" by its preference, see
// optional-sites-firefox.e2e.ts), then a saved reply into the feed's first comment box (a
// real Quill 1 editor, as LinkedIn runs) by a click, a typed shortcut and the palette, into
// an empty box and with the caret mid-text, read back from Quill's own model
// (`quill.getText()`), the text around kept, undo taking it back. The first post is Spalla
// Demo's: `{{first_name|amico}}` greets "Spalla".
import { describeNetworkBox } from './support/firefox-network-box';

describeNetworkBox("Firefox: a saved reply into LinkedIn's comment box (Quill 1)", 'linkedin', 'www.linkedin.com', { id: 'li-feed-comment-1', path: '/feed/', away: '/messaging/thread/300/' }, 'Spalla');
