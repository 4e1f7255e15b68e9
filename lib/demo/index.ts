export { generateDemoData } from './generate';
export { DEMO_EXCHANGE_RATES } from './catalog';
export type { DemoDataSet, DemoOptions } from './types';
