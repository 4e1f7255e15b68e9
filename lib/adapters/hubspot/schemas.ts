import { z } from '../../model/zod';

/**
 * Raw HubSpot CRM v3 shapes (the `@hubspot/api-client` models on the wire).
 * CRM objects carry every property as a string or null: the mappers read
 * numbers, booleans and dates out of those strings strictly (a malformed amount
 * rejects the record) and treat absent properties leniently.
 */
export const hsId = z.string().regex(/^\d{1,20}$/, 'expected a numeric HubSpot id');
const prop = z.string().nullish();

export const crmObjectSchema = z.lazy(() =>
  z.object({
    id: hsId,
    properties: z.record(z.string(), prop),
    createdAt: z.string().nullish(),
    updatedAt: z.string().nullish(),
    archived: z.boolean().nullish(),
  }),
);
export type CrmObject = z.infer<typeof crmObjectSchema>;

/**
 * An item of an archived list (`GET /crm/v3/objects/{type}?archived=true`):
 * only the id and when it was archived matter. `archived` is true there; an
 * item that says false is live, whatever list it came in.
 */
export const archivedObjectSchema = z.lazy(() => z.object({ id: hsId, archived: z.boolean().nullish(), archivedAt: z.string().nullish() }));

const paging = z.lazy(() => z.object({ next: z.object({ after: z.string().min(1).max(200) }).nullish() }).nullish());

export const listSchema = z.lazy(() => z.object({ results: z.array(z.unknown()), paging, total: z.number().int().nonnegative().nullish() }));

export const pipelinesSchema = z.lazy(() => z.object({ results: z.array(z.unknown()) }));
/** The fields a pipeline and its stages share in HubSpot's pipelines API; a plain shape, built into each schema on first use. */
const boardFields = () => ({
  id: z.string().min(1).max(200),
  label: z.string().nullish(),
  displayOrder: z.number().int().nullish(),
  archived: z.boolean().nullish(),
  updatedAt: z.string().nullish(),
  createdAt: z.string().nullish(),
});

export const stageSchema = z.lazy(() =>
  z.object({
    ...boardFields(),
    metadata: z.record(z.string(), z.string().nullish()).nullish(),
  }),
);
export const pipelineSchema = z.lazy(() =>
  z.object({
    ...boardFields(),
    stages: z.array(z.unknown()),
  }),
);

export const ownerSchema = z.lazy(() =>
  z.object({
    id: hsId,
    email: z.string().nullish(),
    firstName: z.string().nullish(),
    lastName: z.string().nullish(),
    userId: z.number().int().nullish(),
    archived: z.boolean().nullish(),
    updatedAt: z.string().nullish(),
    createdAt: z.string().nullish(),
    teams: z.array(z.object({ id: z.string().min(1).max(200), name: z.string().nullish(), primary: z.boolean().nullish() })).nullish(),
  }),
);

/** `POST /crm/v4/associations/{from}/{to}/batch/read` answers. */
export const associationsSchema = z.lazy(() =>
  z.object({
    results: z.array(z.object({ from: z.object({ id: z.string() }), to: z.array(z.object({ toObjectId: z.union([z.string(), z.number()]) })) })),
  }),
);
