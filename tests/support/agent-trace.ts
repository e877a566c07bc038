// What our page agent runs in a page, read from Chromium's own trace (the DevTools
// timeline categories), for the benchmarks and the "nothing runs while nothing is asked"
// test (issue #16). Every JavaScript call whose script is one of the extension's files
// (chrome-extension://ID/...) is found, with what caused it: a timer, an animation frame,
// an event (and which), a microtask (a MutationObserver callback, a promise, a runtime
// message's answer), the script's own first run. Nested calls count once, in the outermost.
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

export interface AgentCall {
  /** What made it run: 'TimerFire', 'FireAnimationFrame', 'EventDispatch:scroll',
   * 'RunMicrotasks', 'EvaluateScript' (a file's first run), or the trace event's name. */
  cause: string;
  /** The extension file, e.g. 'content-scripts/page-agent.js'. */
  file: string;
  /** Milliseconds on the main thread. */
  ms: number;
  /** The process it ran in (the page's renderer, or the extension's for the sidebar). */
  pid: number;
}

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: { url?: string; type?: string; scriptName?: string; frame?: string } };
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute'];
/** Trace events that run JavaScript on behalf of a script (its `args.data.url`). */
const CALLS = new Set(['FunctionCall', 'EvaluateScript', 'v8.compile', 'v8.callFunction', 'TimerFire', 'FireAnimationFrame']);
/** Events that tell why JavaScript ran. */
const CAUSES = new Set(['TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'EvaluateScript', 'FireIdleCallback', 'v8.run', 'RunTask']);

export class AgentTrace {
  private constructor(
    private readonly cdp: CDPSession,
    private readonly origin: string,
  ) {}

  /** Starts tracing `page`'s renderer; the calls counted are those of `extensionId`. */
  static async start(context: BrowserContext, page: Page, extensionId: string): Promise<AgentTrace> {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Tracing.start', { transferMode: 'ReturnAsStream', traceConfig: { includedCategories: CATEGORIES } });
    return new AgentTrace(cdp, `chrome-extension://${extensionId}/`);
  }

  /** Ends the trace and gives our calls. */
  async stop(): Promise<AgentCall[]> {
    const complete = new Promise<string>((resolve) => this.cdp.once('Tracing.tracingComplete', (e) => resolve(e.stream as string)));
    await this.cdp.send('Tracing.end');
    const stream = await complete;
    let text = '';
    for (;;) {
      const chunk = await this.cdp.send('IO.read', { handle: stream });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, 'base64').toString('utf8') : chunk.data;
      if (chunk.eof) break;
    }
    await this.cdp.send('IO.close', { handle: stream });
    await this.cdp.detach().catch(() => {});
    const parsed = JSON.parse(text) as { traceEvents: TraceEvent[] } | TraceEvent[];
    return agentCalls(Array.isArray(parsed) ? parsed : parsed.traceEvents, this.origin);
  }
}

/** Our outermost calls, each with its cause. */
export function agentCalls(events: TraceEvent[], origin: string): AgentCall[] {
  const complete = events.filter((e) => e.ph === 'X' && typeof e.dur === 'number').sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  const byThread = new Map<string, TraceEvent[]>();
  for (const e of complete) {
    const key = `${e.pid}:${e.tid}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key)!.push(e);
  }
  const calls: AgentCall[] = [];
  for (const thread of byThread.values()) {
    /** Open events enclosing the current one (a stack by time). */
    const open: TraceEvent[] = [];
    let ourUntil = -1;
    for (const e of thread) {
      while (open.length && open.at(-1)!.ts + open.at(-1)!.dur! <= e.ts) open.pop();
      const url = e.args?.data?.url ?? e.args?.data?.scriptName ?? '';
      const ours = CALLS.has(e.name) && url.startsWith(origin);
      if (ours && e.ts >= ourUntil) {
        // The innermost cause around it (or itself, for a script's first run or a timer).
        const cause = e.name === 'EvaluateScript' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame'
          ? e
          : [...open].reverse().find((o) => CAUSES.has(o.name));
        const name = cause ? (cause.name === 'EventDispatch' ? `EventDispatch:${cause.args?.data?.type ?? '?'}` : cause.name) : 'other';
        calls.push({ cause: name, file: url.slice(origin.length), ms: e.dur! / 1000, pid: e.pid });
        ourUntil = e.ts + e.dur!;
      }
      open.push(e);
    }
  }
  return calls;
}

/** The calls made in the page's own renderer (where the content script first ran). */
export function inPage(calls: AgentCall[]): AgentCall[] {
  const pid = calls.find((c) => c.file.startsWith('content-scripts/'))?.pid;
  return calls.filter((c) => c.pid === pid);
}

/** Calls counted and their time, by cause. */
export function byCause(calls: AgentCall[]): Record<string, { count: number; ms: number }> {
  const out: Record<string, { count: number; ms: number }> = {};
  for (const c of calls) {
    out[c.cause] ??= { count: 0, ms: 0 };
    out[c.cause].count++;
    out[c.cause].ms += c.ms;
  }
  return out;
}
