import type { SidebarPorts } from './sidebar-ports';

/** What the background gives each feature when it starts (`features/<feature>.ts`). */
export interface BackgroundContext {
  ports: SidebarPorts;
  /** `chrome-extension://<id>/` or `moz-extension://<uuid>/`, for sender checks. */
  extensionOrigin: string;
  /** Makes `fn` reachable from end-to-end tests as `self.spalla[name]` in the service
   * worker (test drivers cannot click menus or press browser commands). Page scripts
   * cannot reach a service worker's global. */
  expose(name: string, fn: (...args: never[]) => unknown): void;
}
