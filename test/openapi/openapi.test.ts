import { validate } from '@readme/openapi-parser';
import { allRoutes } from '../../src/server/routes';
import { startTestApp, type TestApp } from '../support/app';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('when a developer reads the API description', () => {
  it('then GET /openapi.json is a valid OpenAPI 3.1 document', async () => {
    const r = await app.request('GET', '/openapi.json', { key: null });
    expect(r.status).toBe(200);
    expect(r.body.openapi).toBe('3.1.0');
    const result = await validate(structuredClone(r.body));
    expect(result.valid ? [] : result.errors).toEqual([]);
    // The validator does reject a broken document (so the check above means something).
    expect((await validate({ openapi: '3.1.0', paths: { x: 1 } } as never)).valid).toBe(false);
  });

  it('then every registered route appears with its parameters, responses and problem types', async () => {
    const doc = (await app.request('GET', '/openapi.json', { key: null })).body;
    const routes = allRoutes(app.deps);
    expect(routes.length).toBeGreaterThan(15);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      const op = doc.paths[path]?.[route.method];
      expect({ route: `${route.method} ${path}`, found: Boolean(op) }).toEqual({
        route: `${route.method} ${path}`,
        found: true,
      });
      for (const status of Object.keys(route.responses)) expect(op.responses[status]).toBeDefined();
      if (route.params) expect(op.parameters.some((p: { in: string }) => p.in === 'path')).toBe(true);
      if (route.body) expect(op.requestBody.content['application/json']).toBeDefined();
      if (route.auth !== 'public') {
        expect(op.responses['401'].content['application/problem+json'].schema.$ref).toBe(
          '#/components/schemas/Problem',
        );
      }
      for (const status of route.problems ?? []) expect(op.responses[String(status)]).toBeDefined();
    }
    expect(doc.paths['/v1/claims/{id}/transitions'].post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ in: 'header', name: 'If-Match', required: true })]),
    );
    expect(doc.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('then /docs serves the interactive documentation', async () => {
    const r = await app.request('GET', '/docs/', { key: null });
    expect(r.status).toBe(200);
    expect(r.text).toMatch(/swagger-ui/i);
  });
});
