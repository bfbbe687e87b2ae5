import type { z } from 'zod';

export interface MethodSpec {
  input: z.ZodType;
  output: z.ZodType;
  /** One line for the CLI help and the docs. */
  summary: string;
}

/** Identity helper that checks a method table's shape while keeping its literal types. */
export function defineMethods<const T extends Record<string, MethodSpec>>(methods: T): T {
  return methods;
}
