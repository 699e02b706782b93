import type { en } from './en';

/**
 * The shape every translation has: English's keys, each a string. A language may add plural forms
 * English does not use (Spanish has `_many`), which key-coverage.test.ts also allows.
 */
export type Translation<T = typeof en> = {
  readonly [K in keyof T]: T[K] extends string ? string : Translation<T[K]>;
} & { readonly [plural: `${string}_${'zero' | 'two' | 'few' | 'many'}`]: string };
