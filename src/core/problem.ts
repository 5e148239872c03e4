/** Issue objects shaped after zod's: a stable code, where, a rendered message, and the params it was made from. */
export interface Problem {
  code: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
  /** The cell it came from, where it was read from a sheet (the criteria sheet form): `path` says it as text. */
  at?: { sheet: string; cell?: string };
}
