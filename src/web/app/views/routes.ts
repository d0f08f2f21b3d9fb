import { match } from '../router';

// The workspace's addresses (the server answers index.html for them: src/web/serve.ts CLIENT_PATHS).
const ROUTES: [pattern: string, name: string, title: string][] = [
  ['/', 'queue', 'Review queue'],
  ['/queue', 'queue', 'Review queue'],
  ['/articles', 'articles', 'Articles'],
  ['/articles/:id', 'article', 'Article'],
  ['/claims/:id', 'claim', 'Claim'],
  ['/search', 'search', 'Search'],
  ['/speakers/:id', 'speaker', 'Speaker'],
  ['/keys', 'keys', 'API keys'],
];

export function route(path: string): { name: string; title: string; params: Record<string, string> } {
  for (const [pattern, name, title] of ROUTES) {
    const params = pattern === '/' ? (path === '/' ? {} : null) : match(pattern, path);
    if (params) return { name, title, params };
  }
  return { name: 'not-found', title: 'Not found', params: {} };
}
