// Shared zod shapes for GraphQL arguments. Every resolver parses its arguments with these.
import { z } from 'zod';

export const first = (max: number, fallback: number) =>
  z
    .number()
    .int()
    .min(1)
    .max(max)
    .nullish()
    .transform((v) => v ?? fallback);

export const nonNegative = z
  .number()
  .int()
  .min(0)
  .nullish()
  .transform((v) => v ?? 0);

export const cursor = z
  .string()
  .regex(/^\d{1,15}$/, 'expected a cursor from a previous page')
  .nullish()
  .transform((v) => (v === null || v === undefined ? 0 : Number(v)));
