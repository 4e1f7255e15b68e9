/**
 * The forecast views of the view service (service.ts): the forecast of a selection, its track record
 * and the deals behind each number. Computed where the data is, from the cached records, and kept:
 * - every forecast of one data version is made at the same instant (the first ask of that version, for
 *   at most FORECAST_MAX_AGE_MS), so the rep's and the team's forecasts share one fit (lib/forecast
 *   remembers what it learned per record arrays and instant) and a page reopened gets the same numbers;
 * - the track record (six past periods forecast again) is computed once per data version, settings
 *   and day, one period at a time so the background keeps answering meanwhile.
 */
import type { Forecast } from '../forecast';
import { instantToLocalDate } from '../period';
import type { ViewContext } from './context';
import {
  computeForecast,
  computeTrack,
  forecastRecordPage,
  leanForecast,
  type ForecastExplainRef,
  type ForecastResponse,
  type TrackResponse,
} from './forecast-view';
import { queryBasics } from './query';
import type { RecordPage } from './records';
import { resolvePeriods, type ViewSelection } from './selection';
import { nextTask, type ViewCache } from './view-cache';

/** A forecast is made again at a new instant after this long, even when no data changed (idle days move). */
export const FORECAST_MAX_AGE_MS = 10 * 60_000;
/** The track record of a data version is kept this long (it is also made again the next day). */
export const TRACK_MAX_AGE_MS = 6 * 60 * 60_000;

type Deps = {
  browserZone: () => string;
  context: (selection: ViewSelection) => Promise<ViewContext>;
  keyOf: (kind: string, selection: ViewSelection, ctx: ViewContext) => string;
  computed: ViewCache;
};

type Kept = { full: Forecast; shown: ForecastResponse };

export function forecastViews({ browserZone, context, keyOf, computed }: Deps) {
  const clocks = new Map<string, { generation: number; stamp: string; at: number }>();

  /** The instant the forecasts of this source's data version are made at. */
  const fitAt = (source: string, ctx: ViewContext) => {
    const clock = clocks.get(source);
    if (clock && clock.generation === ctx.generation && clock.stamp === ctx.stamp && ctx.asOf - clock.at < FORECAST_MAX_AGE_MS && ctx.asOf >= clock.at)
      return clock.at;
    clocks.set(source, { generation: ctx.generation, stamp: ctx.stamp, at: ctx.asOf });
    return ctx.asOf;
  };

  /** The comparison does not change a forecast: one cache entry whatever it is. */
  const plain = (selection: ViewSelection): ViewSelection => ({ ...selection, compare: undefined });

  const inputOf = (selection: ViewSelection, ctx: ViewContext, at: number) => {
    const basics = queryBasics(ctx.settings, browserZone(), selection.source);
    const { period } = resolvePeriods(selection, at, basics.calendar);
    return { data: ctx.data, period, asOf: at, scope: ctx.choice.scope, basics };
  };

  async function kept(selection: ViewSelection): Promise<{ ctx: ViewContext; value: Kept }> {
    const ctx = await context(selection);
    const at = fitAt(selection.source, ctx);
    const { choice } = ctx;
    const byOwner = selection.view === 'team' && choice.canSeePeers && !choice.peersHidden;
    const value = await computed.get<Kept>(
      `${keyOf('forecast', plain(selection), ctx)}|${at}|${byOwner}`,
      ctx.generation,
      ctx.stamp,
      async () => {
        await nextTask();
        const full = computeForecast({ ...inputOf(selection, ctx, at), byOwner });
        const shown: ForecastResponse = {
          ...leanForecast(full),
          view: selection.view,
          ...(choice.ownerName !== undefined ? { ownerName: choice.ownerName } : {}),
          peersHidden: choice.peersHidden,
        };
        return { full, shown };
      },
      FORECAST_MAX_AGE_MS,
    );
    return { ctx, value };
  }

  return {
    async forecast(selection: ViewSelection): Promise<ForecastResponse> {
      return (await kept(selection)).value.shown;
    },

    async track(selection: ViewSelection): Promise<TrackResponse> {
      const ctx = await context(selection);
      const at = fitAt(selection.source, ctx);
      const day = instantToLocalDate(at, queryBasics(ctx.settings, browserZone(), selection.source).calendar.timeZone);
      return computed.get(
        `${keyOf('forecast-track', plain(selection), ctx)}|${day}`,
        ctx.generation,
        ctx.stamp,
        () => computeTrack(inputOf(selection, ctx, at), nextTask),
        TRACK_MAX_AGE_MS,
      );
    },

    async records(selection: ViewSelection, ref: ForecastExplainRef, offset: number, limit: number): Promise<RecordPage> {
      const { ctx, value } = await kept(selection);
      return forecastRecordPage(ctx.data, value.full, ref, offset, limit);
    },
  };
}
