import { AppError } from '../errors';

/** The version a state change is based on, from If-Match: `"3"`, `3` or `W/"3"`. */
export function expectedVersion(header: string | undefined): number {
  if (header === undefined || header.trim() === '') {
    throw new AppError(
      'precondition_required',
      428,
      'Send If-Match with the claim ETag (GET the claim first), so concurrent reviews cannot overwrite each other.',
    );
  }
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) throw new AppError('invalid_if_match', 400, 'If-Match must be the claim ETag, e.g. "3".');
  return Number(match[1]);
}
