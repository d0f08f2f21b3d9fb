// Lets a child process `require` TypeScript sources directly (tests spawn real worker processes from src/,
// so they never depend on a stale dist/). Same transform jest uses: @swc/core, CommonJS, ES2022.
const fs = require('node:fs');
const { transformSync } = require('@swc/core');

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs' },
    jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
  });
  module._compile(code, filename);
};
