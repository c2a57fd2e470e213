// The module Web Worker of the test page, bundled by esbuild (run.mjs): it
// imports the package by its name, as an app's worker would, lets load()
// find the wasm itself, and posts its renders (or the failure) to page.js.
import { load } from 'pixabots-web';
import { workerRender } from './cases.js';

try {
  const bots = await load();
  const renders = Object.fromEntries(
    workerRender.files.map((format) => [format, bots.render(workerRender.id, { format, size: workerRender.size })]),
  );
  postMessage(renders, Object.values(renders).map((bytes) => bytes.buffer));
} catch (error) {
  postMessage({ error: `${error.name}: ${error.message}` });
}
