import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { Me } from './types';

/** Who is signed in (from GET /v1/me), or null before a key is given. */
export const SessionContext = createContext<{ me: Me | null; epoch: number }>({ me: null, epoch: 0 });
export const useSession = () => useContext(SessionContext);
