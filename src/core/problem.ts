/** Issue objects shaped after zod's: a stable code, where, a rendered message, and the params it was made from. */
export interface Problem {
  code: string;
  path: string;
  message: string;
  params: Record<string, unknown>;
}
