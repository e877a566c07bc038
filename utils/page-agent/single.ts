import type { AgentLifetime } from './lifetime';

/**
 * One page agent per page. The agent can start twice in the same frame: the manifest's
 * content script, and the background's reinjection after an install or update
 * (`utils/background/reinject.ts`) when the tab was still loading. Both copies of one
 * extension instance run in the same isolated world, so the first leaves a claim on that
 * world's global object, and a second copy that finds it alive leaves before it adds or
 * listens to anything. The page's own scripts live in another world: they cannot see the
 * claim, fake it or remove it.
 *
 * An orphan (the agent of an extension instance that was updated or reloaded away) must
 * still be replaced. Chromium gives a reloaded extension a new isolated world, so its
 * successor does not even see the orphan's claim (chromium/chromium,
 * extensions/renderer/dispatcher.cc, `Dispatcher::OnUnloaded`, "we'd like it to get a new
 * isolated world ID", commit 7738df066aa6643d687b4e2371e418d73a45a8cc). Where a claim of a
 * previous instance is still visible, its `alive()` answers from that instance's own
 * runtime, which is gone (`AgentLifetime.isValid`), or throws (a dead wrapper): either
 * way the newcomer takes over.
 */
const CLAIM = Symbol.for('spalla.page-agent');

interface Claim {
  alive(): boolean;
}

/** Claims `scope` (the isolated world's global) for the agent living as long as `life`.
 * False when a live agent of this extension instance already holds it: leave then. */
export function claimPage(life: AgentLifetime, scope: object = globalThis): boolean {
  const held = (scope as Record<symbol, Claim | undefined>)[CLAIM];
  if (held && isAlive(held)) return false;
  Object.defineProperty(scope, CLAIM, {
    value: { alive: () => life.isValid } satisfies Claim,
    configurable: true,
    enumerable: false,
    writable: false,
  });
  return true;
}

function isAlive(claim: Claim): boolean {
  try {
    return claim.alive() === true;
  } catch {
    return false;
  }
}
