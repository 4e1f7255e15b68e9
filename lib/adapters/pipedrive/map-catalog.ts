import { clip, type Mapped } from '../map';
import { compact, firstTime, readItem, toMoney, type MapContext } from './map-common';
import { pipelineSchema, productSchema, stageSchema } from './schemas';

export function mapPipeline(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(pipelineSchema, raw, 'pipeline');
  if (!read.ok) return read.mapped;
  const p = read.item;
  const updatedAt = firstTime(p.update_time, p.add_time);
  if (updatedAt === undefined) return { type: 'pipeline', reject: 'the pipeline has no readable update_time', externalId: p.id };
  return {
    type: 'pipeline',
    candidate: compact({
      source: ctx.source,
      externalId: p.id,
      updatedAt,
      url: `${ctx.appUrl}/pipeline/${p.id}`,
      name: clip(p.name?.trim() || `Pipeline ${p.id}`, 200),
      order: p.order_nr ?? 0,
    }),
  };
}

/** A stage; its `deal_probability` weights open deals in the weighted pipeline, so a stage without one is rejected. */
export function mapStage(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(stageSchema, raw, 'stage');
  if (!read.ok) return read.mapped;
  const s = read.item;
  const updatedAt = firstTime(s.update_time, s.add_time);
  if (updatedAt === undefined) return { type: 'stage', reject: 'the stage has no readable update_time', externalId: s.id };
  if (s.deal_probability === null || s.deal_probability === undefined) return { type: 'stage', reject: 'the stage has no deal_probability', externalId: s.id };
  return {
    type: 'stage',
    candidate: compact({
      source: ctx.source,
      externalId: s.id,
      updatedAt,
      url: `${ctx.appUrl}/pipeline/${s.pipeline_id}`,
      pipelineId: s.pipeline_id,
      name: clip(s.name?.trim() || `Stage ${s.id}`, 200),
      order: s.order_nr ?? 0,
      probability: s.deal_probability,
    }),
  };
}

/** A product with its first listed price; Pipedrive's per-price `cost` is the unit cost used for margins. */
export function mapProduct(raw: unknown, ctx: MapContext): Mapped {
  const read = readItem(productSchema, raw, 'product');
  if (!read.ok) return read.mapped;
  const p = read.item;
  const updatedAt = firstTime(p.update_time, p.add_time);
  if (updatedAt === undefined) return { type: 'product', reject: 'the product has no readable update_time', externalId: p.id };
  const price = p.prices?.[0];
  const unitPrice = price ? toMoney(price.price, price.currency) : undefined;
  const unitCost = price && price.cost ? toMoney(price.cost, price.currency) : undefined;
  if (typeof unitPrice === 'string') return { type: 'product', reject: unitPrice, externalId: p.id };
  return {
    type: 'product',
    candidate: compact({
      source: ctx.source,
      externalId: p.id,
      updatedAt,
      url: `${ctx.appUrl}/product/${p.id}`,
      name: clip(p.name?.trim() || `Product ${p.id}`, 200),
      code: clip(p.code, 100),
      category: p.category === null || p.category === undefined ? undefined : clip(String(p.category), 200),
      unitPrice,
      unitCost: typeof unitCost === 'object' ? unitCost : undefined,
    }),
  };
}
