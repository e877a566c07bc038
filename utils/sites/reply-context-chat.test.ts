import { parseHTML } from 'linkedom';
import { describe, expect, test } from 'vitest';
import { readReplyContext } from './reply-context';

// Messenger chat windows docked on facebook.com pages, as brbavar/katex-for-messenger-web
// (selector.js) finds them: a box per conversation holding the message grid labelled
// "Messages in conversation with NAME", the header link to the person, the composer.
function page(chat: string): Document {
  return parseHTML(`<!doctype html><html><body>
    <div role="banner"><a href="/marta.rossi" aria-label="Marta Rossi">M</a></div>
    <div role="main"><div role="feed"><div aria-posinset="1"><div role="textbox" contenteditable="true" aria-label="Write a comment…" id="comment"></div></div></div></div>
    <div>${chat}</div>
  </body></html>`).document as unknown as Document;
}

const box = (doc: Document, id: string) => doc.getElementById(id) as HTMLElement;

describe('reply context in a Messenger chat window on facebook.com', () => {
  test('a message box; the partner from the grid label (English and Italian)', () => {
    for (const [label, name] of [
      ['Messages in conversation with Luca Bianchi', 'Luca Bianchi'],
      ['Messaggi nella conversazione con Giulia Verdi', 'Giulia Verdi'],
    ]) {
      const doc = page(`<div><div><a href="/someone"><span>${name}</span></a><div role="button" aria-label="Close chat">x</div></div>
        <div role="grid" aria-label="${label}"><div role="row">Ciao</div></div>
        <div role="group" aria-label="Thread composer"><div role="textbox" contenteditable="true" aria-label="Message" id="chat"></div></div></div>`);
      expect(readReplyContext('facebook', 'feed', box(doc, 'chat'), doc)).toMatchObject({ fullName: name, box: 'facebook-message', myName: 'Marta Rossi' });
      // The feed's comment box beside it stays a comment box.
      expect(readReplyContext('facebook', 'feed', box(doc, 'comment'), doc).box).toBe('facebook-comment');
    }
  });

  test('the grid label in another language: the name from the header link', () => {
    const doc = page(`<div><div><a href="/luca.bianchi"><span>Luca Bianchi</span></a></div>
      <div role="grid" aria-label="Nachrichten"><div role="row">Hallo</div></div>
      <div><div role="textbox" contenteditable="true" aria-label="Nachricht" id="chat"></div></div></div>`);
    expect(readReplyContext('facebook', 'post', box(doc, 'chat'), doc)).toMatchObject({ fullName: 'Luca Bianchi', box: 'facebook-message' });
  });
});
