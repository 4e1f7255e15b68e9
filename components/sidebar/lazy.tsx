import { lazy } from 'react';

/*
 * What is not on screen when the pinned numbers first paint loads in its own chunks: the
 * catalogue, the explain dialogs, the team view, the forecast, the insight lists and the charts. The first
 * paint needs React, the cards and the messages only.
 */
export const LazyCatalogue = lazy(() => import('./Catalogue').then((module) => ({ default: module.Catalogue })));
export const LazyExplainPanel = lazy(() => import('./ExplainPanel').then((module) => ({ default: module.ExplainPanel })));
export const LazyTeamPanel = lazy(() => import('./TeamPanel').then((module) => ({ default: module.TeamPanel })));
export const LazyCharts = lazy(() => import('./charts/Charts').then((module) => ({ default: module.Charts })));
export const LazyAtRiskCard = lazy(() => import('./InsightCards').then((module) => ({ default: module.AtRiskCard })));
export const LazyLapseCard = lazy(() => import('./InsightCards').then((module) => ({ default: module.LapseCard })));
export const LazyForecastSection = lazy(() => import('./forecast/ForecastSection').then((module) => ({ default: module.ForecastSection })));
export const LazyTeamForecast = lazy(() => import('./forecast/TeamForecast').then((module) => ({ default: module.TeamForecast })));
export const LazyForecastExplainPanel = lazy(() => import('./forecast/ForecastExplainPanel').then((module) => ({ default: module.ForecastExplainPanel })));
