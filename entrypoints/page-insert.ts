/** The main-world helper of the insertion engine, injected on demand by the page agent
 * (`utils/insert/main-world.ts`). Lexical's editor object and trusted-looking events for
 * Lexical and Draft.js need the page's own world. The page can watch and imitate this
 * script: it receives only the text about to be inserted and answers only short codes. */
export default defineUnlistedScript(() => {
  const REQUEST = 'spalla:insert-request';
  const REPLY = 'spalla:insert-reply';
  const flag = Symbol.for('spalla.insert-helper');
  const w = window as unknown as Record<symbol, boolean>;
  if (w[flag]) return;
  w[flag] = true;

  type LexicalLike = {
    getEditorState(): { read<T>(fn: () => T): T; _nodeMap?: Map<string, { getTextContent(): string }> };
  };
  const squeeze = (s: string) => s.replace(/\s+/g, '');

  /** The part of Quill 1's API we use (quill@1.3.7 `core/quill.js`, `modules/history.js`). */
  type QuillLike = {
    root: HTMLElement;
    getSelection(focus?: boolean): { index: number; length: number } | null;
    getLength(): number;
    getText(): string;
    deleteText(index: number, length: number, source: string): unknown;
    insertText(index: number, text: string, source: string): unknown;
    setSelection(index: number, length: number, source: string): void;
    history?: { cutoff?(): void };
  };

  function isQuill(value: unknown, root: HTMLElement): value is QuillLike {
    const q = value as Partial<QuillLike> | null;
    return !!q && typeof q === 'object' && q.root === root && typeof q.insertText === 'function' && typeof q.getText === 'function';
  }

  /** The Quill 1 instance behind a `.ql-editor`. Quill 1 keeps it on its container as
   * `__quill` (quill@1.3.7 `core/quill.js`: `this.container.__quill = this`), which is
   * how Briskine reaches LinkedIn's (Briskine/briskine src/content/editors/editor-quill1.js
   * @98b08dbe). opencues found it under another name in LinkedIn's bundle
   * (opencues/opencues CHANGELOG.md @84d7cc83: "private `__quill` instance is renamed"):
   * any own property of the container that is this editor's Quill counts. */
  function quillOf(root: HTMLElement): QuillLike | null {
    const container = root.parentElement;
    if (!container) return null;
    const named = (container as unknown as { __quill?: unknown }).__quill;
    if (isQuill(named, root)) return named;
    for (const key of Object.keys(container)) {
      const value = (container as unknown as Record<string, unknown>)[key];
      if (isQuill(value, root)) return value;
    }
    return null;
  }

  type Fiber = { memoizedProps?: Record<string, unknown> | null; return?: Fiber | null; alternate?: Fiber | null };
  type DraftStateLike = { getCurrentContent(): { getPlainText(): string } };

  function reactKey(el: Element, prefix: string): string | undefined {
    return Object.keys(el).find((key) => key.startsWith(prefix));
  }

  function reactProps(el: Element): { value?: unknown } | null {
    const key = reactKey(el, '__reactProps$');
    return key ? ((el as unknown as Record<string, { value?: unknown }>)[key] ?? null) : null;
  }

  /** Draft's EditorState as the editor component last received it. The element's own
   * fiber may be React's stale twin (`alternate`): both twins' states are returned. */
  function draftStates(el: Element): DraftStateLike[] {
    const key = reactKey(el, '__reactFiber$') ?? reactKey(el, '__reactInternalInstance$');
    let fiber: Fiber | null | undefined = key ? (el as unknown as Record<string, Fiber>)[key] : null;
    for (let depth = 0; fiber && depth < 40; depth++, fiber = fiber.return) {
      const states = [fiber, fiber.alternate]
        .map((f) => f?.memoizedProps?.editorState as DraftStateLike | undefined)
        .filter((s): s is DraftStateLike => !!s && typeof s.getCurrentContent === 'function');
      if (states.length > 0) return states;
    }
    return [];
  }

  function handle(target: HTMLElement, req: { op?: unknown; text?: unknown; minLength?: unknown }): string {
    if (typeof req.text !== 'string') return 'bad-request';
    const text = req.text;
    const editor = (target as unknown as { __lexicalEditor?: LexicalLike }).__lexicalEditor;
    switch (req.op) {
      case 'lexical-insert': {
        if (!editor) return 'no-editor';
        target.dispatchEvent(
          new InputEvent('beforeinput', { inputType: 'insertReplacementText', data: text, bubbles: true, cancelable: true }),
        );
        return 'sent';
      }
      case 'paste': {
        const data = new DataTransfer();
        data.setData('text/plain', text);
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        // Firefox hands a script-made paste event a clipboard that reads back empty:
        // give it one that holds the text (Draft.js reads types and getData only).
        if (event.clipboardData?.getData('text/plain') !== text) {
          const types = ['text/plain'];
          Object.defineProperty(event, 'clipboardData', {
            value: {
              types,
              items: [],
              files: [],
              getData: (type: string) => (type === 'text/plain' || type === 'text' ? text : ''),
            },
          });
        }
        target.dispatchEvent(event);
        return 'sent';
      }
      case 'quill-insert': {
        // Through Quill's own API, so its model (the Delta) holds the text and its
        // History takes it back in one step: `cutoff()` before and after keeps the
        // insertion apart from what the user typed just before (History merges changes
        // less than 1 s apart) and from what they type next.
        const quill = quillOf(target);
        if (!quill) return 'no-editor';
        const range = quill.getSelection(true) ?? { index: Math.max(0, quill.getLength() - 1), length: 0 };
        quill.history?.cutoff?.();
        if (range.length > 0) quill.deleteText(range.index, range.length, 'user');
        quill.insertText(range.index, text, 'user');
        quill.setSelection(range.index + text.length, 0, 'user');
        quill.history?.cutoff?.();
        return 'sent';
      }
      case 'quill-check': {
        const quill = quillOf(target);
        if (!quill) return 'no-editor';
        const now = squeeze(quill.getText());
        if (!now.includes(squeeze(text))) return 'missing';
        return typeof req.minLength === 'number' && now.length < req.minLength ? 'shorter' : 'ok';
      }
      case 'lexical-check': {
        if (!editor) return 'no-editor';
        const state = editor.getEditorState();
        const content = state.read(() => state._nodeMap?.get('root')?.getTextContent());
        if (typeof content !== 'string') return 'unreadable';
        const now = squeeze(content);
        if (!now.includes(squeeze(text))) return 'missing';
        return typeof req.minLength === 'number' && now.length < req.minLength ? 'shorter' : 'ok';
      }
      case 'draft-check': {
        // Draft.js keeps its EditorState in React: the editor component's props hold
        // the state it rendered last. Walk up React's fiber from the contenteditable.
        const states = draftStates(target);
        if (states.length === 0) return 'no-editor';
        let code = 'missing';
        for (const state of states) {
          const content = state.getCurrentContent().getPlainText();
          if (typeof content !== 'string') continue;
          const now = squeeze(content);
          if (!now.includes(squeeze(text))) continue;
          if (typeof req.minLength === 'number' && now.length < req.minLength) code = 'shorter';
          else return 'ok';
        }
        return code;
      }
      case 'control-check': {
        // A React-controlled textarea/input: the `value` prop React rendered last.
        if (!(target instanceof HTMLTextAreaElement || target instanceof HTMLInputElement)) return 'bad-request';
        const props = reactProps(target);
        if (!props || typeof props.value !== 'string') return 'uncontrolled';
        if (props.value !== target.value) return 'stale';
        if (!props.value.includes(text)) return 'missing';
        return typeof req.minLength === 'number' && props.value.length < req.minLength ? 'shorter' : 'ok';
      }
      default:
        return 'bad-request';
    }
  }

  document.addEventListener(
    REQUEST,
    (event) => {
      const target = event.target;
      const detail = (event as CustomEvent).detail;
      if (!(target instanceof HTMLElement) || typeof detail !== 'string') return;
      let req: { id?: unknown; op?: unknown; text?: unknown; minLength?: unknown };
      try {
        req = JSON.parse(detail);
      } catch {
        return;
      }
      let code: string;
      try {
        code = handle(target, req);
      } catch {
        code = 'error';
      }
      document.dispatchEvent(new CustomEvent(REPLY, { detail: JSON.stringify({ id: req.id, code }) }));
    },
    true,
  );
});
