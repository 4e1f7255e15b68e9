import { recordBase, refId, shortText } from './common';
import { z } from './zod';

/** A CRM user who owns deals and activities: a rep, a team lead, an admin. */
export const ownerSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    name: shortText().min(1, 'expected a name'),
    email: shortText(320).optional(),
    teamId: refId.optional(),
    role: z.enum(['rep', 'lead', 'admin']).default('rep'),
    active: z.boolean().default(true),
  }),
);
export type Owner = z.infer<typeof ownerSchema>;

/** A sales team; reps belong to it through `Owner.teamId`. */
export const teamSchema = z.lazy(() =>
  z.object({
    ...recordBase,
    name: shortText().min(1, 'expected a name'),
    leadId: refId.optional(),
  }),
);
export type Team = z.infer<typeof teamSchema>;
