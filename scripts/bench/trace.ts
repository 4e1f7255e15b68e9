import type { BrowserContext, CDPSession, Page } from 'playwright-core';

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; tdur?: number; cat?: string; args?: Record<string, unknown> };

/**
 * A Chromium trace of a page load (DevTools timeline and user timing), to tell the CPU a task used
 * (`tdur`, thread time) from its wall time (`dur`): on a loaded 2-core machine a 10 ms task can take
 * 100 ms of wall time waiting for a core.
 */
export async function startTrace(context: BrowserContext, page: Page): Promise<{ stop: () => Promise<TraceEvent[]> }> {
  const cdp: CDPSession = await context.newCDPSession(page);
  const events: TraceEvent[] = [];
  cdp.on('Tracing.dataCollected' as never, ((event: { value: TraceEvent[] }) => events.push(...event.value)) as never);
  await cdp.send(
    'Tracing.start' as never,
    { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink.user_timing,__metadata', transferMode: 'ReportEvents' } as never,
  );
  return {
    stop: async () => {
      const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete' as never, (() => resolve()) as never));
      await cdp.send('Tracing.end' as never);
      await done;
      await cdp.detach().catch(() => undefined);
      return events;
    },
  };
}

export type TraceSummary = { longestWallMs: number; itsCpuMs: number; longestCpuMs: number; tasksOver50WallMs: number; tasksOver50CpuMs: number };

/**
 * The main thread tasks of the page's renderer (the process with the page's URL) from the mark `after`
 * on, for `windowMs`: the longest by wall time and its CPU time, the longest by CPU time.
 */
export function pageTaskCpu(events: readonly TraceEvent[], url: string, after: string, windowMs: number): TraceSummary | null {
  const mark = events.find((event) => event.name === after && event.ts > 0);
  if (!mark) return null;
  const pid = mark.pid;
  const main = events.find(
    (event) =>
      event.ph === 'M' && event.name === 'thread_name' && event.pid === pid && (event.args as { name?: string } | undefined)?.name === 'CrRendererMain',
  );
  if (!main || !url) return null;
  const from = mark.ts;
  const to = mark.ts + windowMs * 1000;
  const tasks = events.filter(
    (event) =>
      event.ph === 'X' &&
      event.pid === pid &&
      event.tid === main.tid &&
      (event.name === 'RunTask' || event.name === 'ThreadControllerImpl::RunTask') &&
      event.ts + (event.dur ?? 0) >= from &&
      event.ts <= to,
  );
  if (!tasks.length) return { longestWallMs: 0, itsCpuMs: 0, longestCpuMs: 0, tasksOver50WallMs: 0, tasksOver50CpuMs: 0 };
  const ms = (us: number | undefined) => Math.round((us ?? 0) / 100) / 10;
  const longest = tasks.reduce((a, b) => ((b.dur ?? 0) > (a.dur ?? 0) ? b : a));
  const busiest = tasks.reduce((a, b) => ((b.tdur ?? 0) > (a.tdur ?? 0) ? b : a));
  return {
    longestWallMs: ms(longest.dur),
    itsCpuMs: ms(longest.tdur),
    longestCpuMs: ms(busiest.tdur),
    tasksOver50WallMs: tasks.filter((task) => (task.dur ?? 0) > 50_000).length,
    tasksOver50CpuMs: tasks.filter((task) => (task.tdur ?? 0) > 50_000).length,
  };
}
