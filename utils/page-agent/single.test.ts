import { afterEach, describe, expect, test, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { AgentLifetime } from './lifetime';
import { claimPage } from './single';
import { startPageAgent } from './agent';

describe('claimPage: one page agent per isolated world', () => {
  test('the first copy claims the world; a second copy of the same instance leaves', () => {
    const world = {};
    const first = new AgentLifetime();
    expect(claimPage(first, world)).toBe(true);
    expect(claimPage(new AgentLifetime(), world)).toBe(false);
    expect(claimPage(new AgentLifetime(), world)).toBe(false);
    // The claim is invisible to enumeration and cannot be overwritten by assignment.
    expect(Object.keys(world)).toEqual([]);
    expect(() => {
      (world as Record<symbol, unknown>)[Symbol.for('spalla.page-agent')] = { alive: () => false };
    }).toThrow();
  });

  test('worlds are separate: an agent in another frame does not block this one', () => {
    expect(claimPage(new AgentLifetime(), {})).toBe(true);
    expect(claimPage(new AgentLifetime(), {})).toBe(true);
  });

  test('an agent whose lifetime ended no longer holds the world', () => {
    const world = {};
    const first = new AgentLifetime();
    claimPage(first, world);
    first.end();
    const second = new AgentLifetime();
    expect(claimPage(second, world)).toBe(true);
    expect(claimPage(new AgentLifetime(), world)).toBe(false);
  });

  test('an orphan (its runtime gone after an update) is replaced', () => {
    const world = {};
    const orphan = new AgentLifetime();
    claimPage(orphan, world);
    const id = fakeBrowser.runtime.id;
    // What an orphaned content script sees of its extension.
    (fakeBrowser.runtime as { id?: string }).id = undefined;
    try {
      expect(orphan.isValid).toBe(false);
    } finally {
      fakeBrowser.runtime.id = id;
    }
    expect(claimPage(new AgentLifetime(), world)).toBe(true);
  });

  test('a claim that throws when asked (a dead wrapper) is replaced', () => {
    const world = {};
    Object.defineProperty(world, Symbol.for('spalla.page-agent'), {
      value: {
        alive() {
          throw new TypeError("can't access dead object");
        },
      },
      configurable: true,
    });
    expect(claimPage(new AgentLifetime(), world)).toBe(true);
  });
});

describe('startPageAgent: a second copy leaves before touching anything', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    delete (globalThis as Record<symbol, unknown>)[Symbol.for('spalla.page-agent')];
  });

  test('with a live agent in the world, no DOM access, no listener, no storage read', async () => {
    vi.stubGlobal('location', { hostname: 'www.facebook.com', href: 'https://www.facebook.com/' });
    vi.stubGlobal('window', { get top() { return this; } });
    const touched: string[] = [];
    vi.stubGlobal(
      'document',
      new Proxy({}, { get: (_target, key) => void touched.push(String(key)) }),
    );
    const onMessage = vi.spyOn(fakeBrowser.runtime.onMessage, 'addListener');
    const storageGet = vi.spyOn(fakeBrowser.storage.local, 'get');

    expect(claimPage(new AgentLifetime())).toBe(true); // the first copy, already running
    await startPageAgent();

    expect(touched).toEqual([]);
    expect(onMessage).not.toHaveBeenCalled();
    expect(storageGet).not.toHaveBeenCalled();
  });
});
