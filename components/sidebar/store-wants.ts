import type { Responses, SourceStatus } from '@/lib/messaging';
import type { DiscardedNotice } from '@/lib/db';
import type { SidebarUiState } from '@/lib/settings';
import type { SidebarPrefs, ViewSelection } from '@/lib/views';
import { ask, type Answers, type Wants } from '../common/query';
import { SOURCES } from '../common/status';
import { pinnedWant, type PinnedAnswer } from './pinned';

/** Where a personal panel is on screen: the sidebar's own, or a team lead's drill-down into a rep. */
export type Place = 'main' | 'drill';
export type Drill = { ownerId: string; name: string };

type PanelAnswers = {
  insights: Responses['view/insights'];
  charts: Responses['view/charts'];
  catalogue: Responses['view/catalogue'];
  forecast: Responses['view/forecast'];
  track: Responses['view/forecast-track'];
};
export type PanelQuery = keyof PanelAnswers;

/** Every answer the sidebar shows, one query each. */
export type SidebarAnswers = {
  pinned: PinnedAnswer;
  /** status/get: the shown source's status, and the side panel's choice of sources. */
  sources: SourceStatus[];
  board: Responses['view/team'];
  teamCharts: Responses['view/charts'];
  /** The team's forecast with each rep's range (a lead's team view, or when peers' numbers are shared), and its track record. */
  teamForecast: Responses['view/forecast'];
  teamTrack: Responses['view/forecast-track'];
  drillPinned: PinnedAnswer;
} & { [K in PanelQuery as `${Place}.${K}`]: PanelAnswers[K] };

export const SIDEBAR_QUERIES = [
  'pinned',
  'sources',
  'board',
  'teamCharts',
  'teamForecast',
  'teamTrack',
  'drillPinned',
  'main.insights',
  'main.charts',
  'main.catalogue',
  'main.forecast',
  'main.track',
  'drill.insights',
  'drill.charts',
  'drill.catalogue',
  'drill.forecast',
  'drill.track',
] as const satisfies readonly (keyof SidebarAnswers)[];
/** The queries that hold numbers: asked again when the source's data or the settings change. */
export const NUMBER_QUERIES = SIDEBAR_QUERIES.filter((name) => name !== 'sources');

/** The sidebar's state without its actions: what the rep chose and what the background answered. */
export type SidebarData = {
  surface: 'frame' | 'panel';
  source: string | null;
  ui: SidebarUiState | undefined;
  prefs: SidebarPrefs | undefined;
  /** The source, view, period and comparison shown; derived from the three above. */
  selection: ViewSelection | undefined;
  /** The numbers of a place were painted: what is not pinned (charts, lists) may be asked now. */
  painted: Record<Place, boolean>;
  catalogueOpen: Record<Place, boolean>;
  drill: Drill | undefined;
  /** An action the rep started (demo data, sync now) failed: why. */
  problem: string | undefined;
  /** The browser replaced KPI Lens's database by an empty one (lib/db/continuity.ts): when, until the rep dismisses it. */
  discarded: DiscardedNotice | undefined;
  answers: Answers<SidebarAnswers>;
};

export type SidebarBody = 'empty' | 'loading' | 'team' | 'personal';

/** What the sidebar's body shows: the demo offer, "loading", or the numbers of the view. */
export function sidebarBody(response: PinnedAnswer | undefined, hasData: boolean, syncing: boolean, view: SidebarUiState['view']): SidebarBody {
  if (response !== undefined && !hasData && !syncing) return 'empty';
  if (response?.pinned == null) return 'loading';
  return view === 'team' ? 'team' : 'personal';
}

/** The shown source's status: from status/get once asked, else the one that came with the numbers. */
export function statusOf(state: SidebarData): SourceStatus | undefined {
  return state.answers.sources.value?.find((candidate) => candidate.source === state.source) ?? state.answers.pinned.value?.status ?? undefined;
}

export function bodyOf(state: SidebarData): SidebarBody {
  const status = statusOf(state);
  return state.selection ? sidebarBody(state.answers.pinned.value, (status?.records ?? 0) > 0, status?.syncing ?? false, state.selection.view) : 'loading';
}

/** The selection a personal panel shows: the view's own (a team view's cards are the personal view's), or the drilled rep's. */
export function panelSelection(selection: ViewSelection | undefined, drill: Drill | undefined, place: Place): ViewSelection | undefined {
  if (!selection) return undefined;
  if (place === 'main') return { ...selection, view: 'personal' };
  return drill && { ...selection, view: 'personal', ownerId: drill.ownerId };
}

/**
 * What the sidebar asks the background for, as a pure function of its state: the pinned numbers of
 * the selection; the status once they are in (at once in the side panel, for its source picker);
 * in the team view the leaderboard, the team's charts and a drill-down's numbers; and for each
 * personal panel on screen, once its numbers are painted, insights and charts (and the
 * catalogue when opened). It mirrors what is rendered: a query is wanted while its place shows.
 */
export function sidebarWants(state: SidebarData): Wants<SidebarAnswers> {
  const { selection, prefs, drill, painted } = state;
  const body = bodyOf(state);
  const pinned = state.answers.pinned.value;
  const team = body === 'team' ? pinned : undefined;
  const drilled = team && drill ? panelSelection(selection, drill, 'drill') : undefined;
  const drillShown = state.answers.drillPinned.value !== undefined;
  const mainShows = body === 'personal' || (team !== undefined && team.peersHidden && !drill);
  // The team's own forecast only where the team's numbers show (TeamPanel: peers' numbers visible).
  const teamOpen = team !== undefined && !team.peersHidden && team.canSeePeers;
  // The track record forecasts six past periods again, every deal read for each: not asked again for
  // every data version a sync writes (a big account's first sync writes hundreds, and the worker would
  // spend them on past periods), but once the sync is done. A record already shown stays meanwhile.
  const trackable = !(statusOf(state)?.syncing ?? false);
  return {
    pinned: selection ? pinnedWant(selection) : null,
    sources: selection && (state.surface === 'panel' || pinned !== undefined) ? SOURCES : null,
    board: team && selection && prefs ? ask({ type: 'view/team', ...selection, metric: prefs.metric }) : null,
    teamCharts: team && selection && painted.main && !team.peersHidden ? ask({ type: 'view/charts', ...selection }) : null,
    teamForecast: teamOpen && selection && !drill && painted.main ? forecastWant(selection) : null,
    teamTrack: trackable && teamOpen && selection && !drill && painted.main && state.answers.teamForecast.value !== undefined ? trackWant(selection) : null,
    drillPinned: drilled ? pinnedWant(drilled) : null,
    ...panelWants(
      'main',
      mainShows ? panelSelection(selection, drill, 'main') : undefined,
      body === 'personal',
      painted.main,
      state.catalogueOpen.main,
      trackable && state.answers['main.forecast'].value !== undefined,
    ),
    ...panelWants(
      'drill',
      drillShown ? drilled : undefined,
      true,
      painted.drill,
      state.catalogueOpen.drill,
      trackable && state.answers['drill.forecast'].value !== undefined,
    ),
  };
}

/** The forecast does not depend on the comparison: asked without it, so changing it asks nothing. */
const forecastWant = (selection: ViewSelection) => ask({ type: 'view/forecast', ...selection, compare: undefined });
const trackWant = (selection: ViewSelection) => ask({ type: 'view/forecast-track', ...selection, compare: undefined });

/**
 * A personal panel's insights and forecast (not in a team view's compact cards), charts and
 * catalogue; the forecast's track record once the forecast itself is shown (and no sync is running).
 */
function panelWants(place: Place, selection: ViewSelection | undefined, insights: boolean, painted: boolean, catalogueOpen: boolean, trackWanted: boolean) {
  const later = selection !== undefined && painted;
  return {
    [`${place}.forecast`]: later && insights ? forecastWant(selection) : null,
    [`${place}.track`]: later && insights && trackWanted ? trackWant(selection) : null,
    [`${place}.insights`]: later && insights ? ask({ type: 'view/insights', ...selection }) : null,
    [`${place}.charts`]: later ? ask({ type: 'view/charts', ...selection }) : null,
    [`${place}.catalogue`]: selection && catalogueOpen ? ask({ type: 'view/catalogue', ...selection }) : null,
  } as Pick<Wants<SidebarAnswers>, `${typeof place}.${PanelQuery}`>;
}
