/** ltvToCac: CLV ÷ CAC, both from their own KPI files. */
import type { Evaluator, EvalInput, KpiBody } from '../engine/types';
import { defineKpi } from '../shared/define';
import { needsData, notDefined, ok } from '../shared/result';
import { weakest } from '../shared/sample';
import { evaluator as cac, NOT_FOR_ONE_REP } from './cac';
import { evaluator as clv } from './clv';

export const definition = defineKpi({
  id: 'ltvToCac',
  family: 'customers',
  name: { en: 'LTV : CAC', ru: 'Соотношение LTV : CAC' },
  formula: {
    en: 'CLV ÷ CAC; 3 : 1 is the common benchmark.',
    ru: 'CLV ÷ CAC; общепринятый ориентир — 3 : 1.',
  },
  needs: ['wonDeals', 'customers', 'spend'],
  unit: 'ratio',
  higherIsBetter: true,
  additive: false,
  basis: ['money', 'money'],
  parts: { clv: 'money', cac: 'money', benchmark: 'ratio' },
});

/** CLV ÷ CAC; 3 : 1 is the common benchmark (below 1 a customer costs more than it brings). */
export const evaluator: Evaluator = {
  comparable: true,
  run(input: EvalInput): KpiBody {
    const cost = cac.run(input);
    if (cost.status === 'not-defined' && cost.code === 'not-for-one-rep')
      return notDefined(NOT_FOR_ONE_REP.replace('CAC is', 'LTV : CAC is'), { code: 'not-for-one-rep' });
    const value = clv.run(input);
    if (value.status === 'needs-data' || cost.status === 'needs-data') {
      const missing = [...(value.status === 'needs-data' ? value.missing : []), ...(cost.status === 'needs-data' ? cost.missing : [])];
      const messages = [value, cost].flatMap((r) => (r.status === 'needs-data' ? [r.message] : []));
      return needsData([...new Set(missing)], messages.join(' '));
    }
    if (value.status !== 'ok') return notDefined(`CLV is not defined: ${value.reason}`);
    if (cost.status !== 'ok') return notDefined(`CAC is not defined: ${cost.reason}`);
    if (cost.value <= 0) return notDefined('CAC is 0: customers were acquired without spend');
    const ratio = value.value / cost.value;
    return ok({
      value: ratio,
      unit: 'ratio',
      numerator: value.value,
      denominator: cost.value,
      counts: { ...cost.counts },
      parts: { clv: value.value, cac: cost.value, benchmark: 3 },
      recordType: 'customer',
      recordIds: cost.recordIds,
      method: value.method,
      target: { value: 3, status: ratio >= 3 ? 'on-track' : ratio >= 1 ? 'at-risk' : 'off-track' },
      sample: value.sample && cost.sample ? weakest(value.sample, cost.sample) : (cost.sample ?? value.sample),
    });
  },
};
