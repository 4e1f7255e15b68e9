/** The summary as JSON for scripts: the WeeklySummary itself, with the units and the move definitions spelled out. */
import { summaryText } from './labels';
import { PIPELINE_MOVES, type PipelineMove, type WeeklySummary } from './types';

export function renderJson(summary: WeeklySummary): string {
  const t = summaryText('en');
  const definitions = Object.fromEntries(PIPELINE_MOVES.map((move) => [move, t(`define.${move === 'lost' ? 'won' : move}`)])) as Record<PipelineMove, string>;
  const document = {
    ...summary,
    units: { money: `integer minor units of ${summary.currency}`, time: 'epoch milliseconds', percent: '0-100' },
    definitions,
  };
  return `${JSON.stringify(document, null, 2)}\n`;
}
