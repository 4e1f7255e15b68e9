import { z } from '../../model/zod';

export const sourceField = z.string().min(1).max(200);
export const periodChoice = z.enum(['today', 'week', 'month', 'quarter', 'year', 'fiscal-quarter', 'fiscal-year', 'custom']);
export const viewChoice = z.enum(['personal', 'team']);
