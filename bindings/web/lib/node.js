// Node.js, where the package runs without a bundler: its built-ins are
// imported only there, out of a browser bundler's sight.

export const isNode = typeof process === 'object' && typeof process.versions?.node === 'string';

// The specifier is a variable and the comments silence webpack and Vite, so
// no bundler for the browser tries to resolve it (esbuild fails on a literal
// "node:" import).
export function nodeBuiltin(name) {
  const specifier = `node:${name}`;
  return import(/* webpackIgnore: true */ /* @vite-ignore */ specifier);
}
