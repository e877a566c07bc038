import type { AgentLifetime } from './lifetime';
import type { PostsPart } from './features/posts-part';
import type { ComposerPart } from './features/composer-part';
import type { HarvestPart } from './features/hashtags-harvest';

/**
 * The page agent's parts that load on demand (issue #16). The agent that runs on every
 * page load (`entrypoints/page-agent.content/`) holds only the sidebar's host, focus and
 * navigation tracking, and the few listeners that decide when a feature is asked for; each
 * feature's heavier page code is a part, loaded the first time it is needed:
 *
 * | Part | File | Loaded when |
 * |---|---|---|
 * | `posts` | `page-posts.js` | the pointer or focus enters the posts (clip control), a clip or the post log is asked for |
 * | `composer` | `page-composer.js` | an insertion (saved reply, hashtags, draft), a typed shortcut, a reply's context |
 * | `harvest` | `page-harvest.js` | learning from the feed is on |
 *
 * How a part loads: the agent asks the background (`loadPagePart`), which checks the sender
 * is our agent in the top frame of one of the sites and runs the part's file there with
 * `scripting.executeScript` (`utils/background/page-parts.ts`). That puts it in the same
 * isolated world as the agent, in Chromium and in Firefox (MDN, "scripting.ExecutionWorld":
 * ISOLATED is the default, "the default content scripts execution environment"; Firefox
 * offers `scripting` to Manifest V2 add-ons, mozilla-firefox/firefox,
 * toolkit/components/extensions/test/xpcshell/test_ext_scripting_mv2.js). The part's file
 * then hands its functions to the agent through the world's global, which page scripts
 * cannot see. Why not `import()` of a web-accessible module: WXT bundles content scripts
 * as one file with no chunks (wxt-dev/wxt issue #357, "Content Script ESM Support"; WXT's
 * docs, guide/essentials/es-modules.md), and a web-accessible file is one any page can
 * load and run in its own world; the parts are not web-accessible at all.
 *
 * A part is bundled on its own: it must not import the messaging, storage or browser
 * polyfill modules (the agent already has them); it gets what it needs from the
 * `PageFeatureContext` it is given. `npm run bench` prints each file's modules and sizes.
 */
export interface PageParts {
  posts: PostsPart;
  composer: ComposerPart;
  harvest: HarvestPart;
}

export type PagePartName = keyof PageParts;

/** The file of each part, built from `entrypoints/page-<name>.ts`. */
export const PAGE_PART_FILES: Record<PagePartName, `/${string}.js`> = {
  posts: '/page-posts.js',
  composer: '/page-composer.js',
  harvest: '/page-harvest.js',
};

export function isPagePartName(value: unknown): value is PagePartName {
  return typeof value === 'string' && Object.hasOwn(PAGE_PART_FILES, value);
}

const PARTS = Symbol.for('spalla.page-parts');
type Define = (name: string, part: unknown) => void;
type World = Record<symbol, Define | undefined>;

/** Called by a part's file once it has run: hands the part to the live agent. */
export function definePagePart<N extends PagePartName>(name: N, part: PageParts[N]): void {
  (globalThis as unknown as World)[PARTS]?.(name, part);
}

/** The agent's side: `load(name)` resolves with the part once its file has run. A part
 * that failed to load is asked for again the next time. */
export function openPageParts(life: AgentLifetime, request: (name: PagePartName) => Promise<unknown>) {
  const loaded = new Map<string, unknown>();
  const pending = new Map<PagePartName, Promise<unknown>>();
  // The agent that claimed this world (`single.ts`) replaces whatever an orphan left here.
  Object.defineProperty(globalThis, PARTS, {
    value: ((name, part) => {
      if (life.isValid && isPagePartName(name)) loaded.set(name, part);
    }) satisfies Define,
    configurable: true,
    enumerable: false,
    writable: false,
  });

  function load<N extends PagePartName>(name: N): Promise<PageParts[N]> {
    if (loaded.has(name)) return Promise.resolve(loaded.get(name) as PageParts[N]);
    let promise = pending.get(name);
    if (!promise) {
      promise = request(name).then(() => {
        // The background answers once the file has run, and running it defined the part.
        if (!loaded.has(name)) throw new Error(`page part "${name}" did not load`);
        return loaded.get(name);
      });
      pending.set(name, promise);
      promise.catch(() => pending.delete(name));
    }
    return promise as Promise<PageParts[N]>;
  }

  return { load, isLoaded: (name: PagePartName) => loaded.has(name) };
}
