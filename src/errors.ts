/** The one error type the API raises on purpose; the error middleware renders it as RFC 9457 problem+json. */
export class AppError extends Error {
  override name = 'AppError';
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    /** Extra problem members (e.g. `errors`, `allowed`, `current`). */
    readonly extra: Record<string, unknown> = {},
    /** Extra response headers (e.g. Retry-After). */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail);
  }
}

export const notFound = (what: string, id: string) => new AppError('not_found', 404, `${what} ${id} does not exist`);

export const badRequest = (code: string, detail: string, extra: Record<string, unknown> = {}) =>
  new AppError(code, 400, detail, extra);
