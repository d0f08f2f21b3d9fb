// The pool threads' entry: the compiled thread.js next to this file (dist/, npm start), or, when the
// service runs from the TypeScript sources (jest, tests' spawned workers), thread.ts through @swc/core.
const fs = require('node:fs');
const path = require('node:path');

const compiled = path.join(__dirname, 'thread.js');
if (fs.existsSync(compiled)) {
  module.exports = require(compiled);
} else {
  const { transformSync } = require('@swc/core');
  require.extensions['.ts'] ??= (module, filename) => {
    const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
      filename,
      module: { type: 'commonjs' },
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
    });
    module._compile(code, filename);
  };
  module.exports = require(path.join(__dirname, 'thread.ts'));
}
