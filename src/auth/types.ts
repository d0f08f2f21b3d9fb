export const ROLES = ['admin', 'editor', 'reviewer', 'importer'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: the API key's id, its label and its role (used in history and logs, never the key). */
export interface AuthContext {
  keyId: string;
  name: string;
  role: Role;
}
