export * from './types';
export { forecast } from './forecast';
export { backtest, backtestSteps, type BacktestInput } from './backtest';
export { knownAt, rewind, dealBornAt, type KnownAt, type KnownAtNotes, type KnownAtOptions } from './known-at';
export { DEFAULT_SETTINGS, MIN_DRAWS } from './settings';
export { ownersInScope } from './scope';
export { ACTION_TEXT, DRIVER_TEXT, EXPLAIN_TEXT, INPUT_LABEL, MOVE_TEXT, NOTE_TEXT, REASON_TEXT } from './texts';
