import type { AuthContext } from '../auth/types';

declare global {
  namespace Express {
    interface Request {
      /** Request id: from X-Request-Id when the caller sends a sane one, else generated. */
      id: string;
      auth?: AuthContext;
    }
  }
}
