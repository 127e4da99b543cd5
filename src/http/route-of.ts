import type { Request } from 'express';

/** The matched route pattern (never the raw path, which may carry ids), for labels and logs. */
export function routeOf(req: Request): string {
  const pattern = (req.route as { path?: string } | undefined)?.path;
  return pattern ? `${req.baseUrl}${pattern}` : 'unmatched';
}
