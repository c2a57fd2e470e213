#!/usr/bin/env node
// The browser test (npm run test:browser; any working directory): the test
// page (page.js: <pixa-bot> and React <Pixabot>) bundled by esbuild, served
// with dist/pixabots.wasm on 127.0.0.1, in Debian's headless Chromium driven
// by playwright-core. The stills' pixels must equal the native CLI's renders,
// and a module worker's (worker.js) PNG and GIF its files' bytes; alt text,
// the forwarded ref, reduced motion, errors and object URL revocation are
// checked too. Needs scripts/build-web.sh (dist/ and the CLI)
// and scripts/install-deps.sh browser (Chromium); no network.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { byteDifference, decodePng, differences, nativeRender, nativeStill } from './pixels.mjs';
import { serve } from './serve.mjs';
import { invalidId, replacementId, stills, webp, workerRender } from './cases.js';

const here = dirname(fileURLToPath(import.meta.url));
const web = resolve(here, '../..');
const chromiumPath = process.env.PIXABOTS_CHROMIUM ?? '/usr/bin/chromium';
const cli = process.env.PIXABOTS_CLI ?? resolve(web, '../../build/src/cli/pixabots');
const wasmPath = join(web, 'dist/pixabots.wasm');
const waitMs = 20_000; // any one wait in the page
const wholeRunMs = 180_000;

// Chromium must reach nothing but the page's server.
const chromiumArgs = [
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-domain-reliability',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  // Colours as the PNGs say, whatever the machine's display profile.
  '--force-color-profile=srgb',
];

const results = [];
function check(name, failure) {
  results.push({ name, failure });
  console.log(failure ? `not ok - ${name}: ${failure}` : `ok - ${name}`);
}
function expectEqual(name, actual, expected) {
  check(name, actual === expected ? undefined : `got ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
}

function preflight() {
  const missing = [
    [chromiumPath, 'run scripts/install-deps.sh browser (or set PIXABOTS_CHROMIUM)'],
    [wasmPath, 'run scripts/build-web.sh'],
    [cli, 'run scripts/build-web.sh (or set PIXABOTS_CLI)'],
  ].filter(([path]) => !existsSync(path));
  if (missing.length) throw new Error(missing.map(([path, fix]) => `${path} is missing: ${fix}`).join('\n'));
}

async function bundle(entry) {
  const result = await build({
    entryPoints: [join(here, entry)],
    bundle: true,
    format: 'esm',
    platform: 'browser', // a node: import reachable from the package fails here
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'silent',
  }).catch((error) => {
    if (!/Could not resolve "node:/.test(error.message)) throw error;
    throw new Error(`${error.message}\nA node: import is reachable from ${entry}, so no browser bundle builds: ` +
      'keep it out of a bundler\'s sight, e.g. await import(specifierInAVariable)');
  });
  return result.outputFiles[0].contents;
}

const html = `<!doctype html><meta charset="utf-8"><title>pixabots-web</title>
<style>html, body { margin: 0; background: #808080; }</style>
<script type="module" src="/page.js"></script>`;

// Page-side state of one test's <img> (window.imageOf is page.js's).
function imageState(test) {
  const img = window.imageOf(test);
  if (!img) return null;
  const box = img.getBoundingClientRect();
  return {
    src: img.getAttribute('src'),
    alt: img.alt,
    loaded: img.complete && img.naturalWidth > 0,
    box: { x: box.x, y: box.y, width: box.width, height: box.height },
    rendering: getComputedStyle(img).imageRendering,
    className: img.className,
    viaRef: img.dataset.viaRef,
    dataError: img.dataset.error,
  };
}

async function main(directory) {
  preflight();
  const server = await serve(
    new Map([
      ['/', { type: 'text/html; charset=utf-8', body: html }],
      ['/page.js', { type: 'text/javascript', body: await bundle('page.js') }],
      ['/worker.js', { type: 'text/javascript', body: await bundle('worker.js') }],
      // index.js finds the module next to itself: ./dist/ of the bundle's URL (page's or worker's).
      ['/dist/pixabots.wasm', { type: 'application/wasm', body: readFileSync(wasmPath) }],
    ]),
  );
  let browser;
  try {
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs, timeout: waitMs });
    const context = await browser.newContext({
      viewport: { width: 480, height: 240 },
      deviceScaleFactor: 1,
      reducedMotion: 'reduce',
    });
    const offsite = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(`${server.origin}/`) || url.startsWith('blob:') || url.startsWith('data:')) return route.continue();
      offsite.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    page.setDefaultTimeout(waitMs);
    const pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => message.type() === 'error' && pageErrors.push(message.text()));
    await page.goto(`${server.origin}/`);

    const state = (test) => page.evaluate(imageState, test);
    // Bounded; on a time-out it says what the page showed instead.
    async function waitFor(what, predicate, arg) {
      try {
        await page.waitForFunction(predicate, arg, { timeout: waitMs });
      } catch (error) {
        const report = await page.evaluate(() => window.report).catch(() => 'unavailable');
        throw new Error(
          `timed out after ${waitMs} ms waiting for ${what}\n` +
            `page errors: ${JSON.stringify(pageErrors)}\nnot served: ${JSON.stringify(server.missed)}\n` +
            `report: ${JSON.stringify(report)}\n${error.message.split('\n')[0]}`,
        );
      }
    }
    const allLoaded = (names) =>
      names.every((name) => {
        const img = window.imageOf(name);
        return img?.src.startsWith('blob:') && img.complete && img.naturalWidth > 0;
      });
    // Until the test's <img> shows another URL than src, loaded.
    const replaced = ([name, src]) => {
      const img = window.imageOf(name);
      return img.getAttribute('src') !== src && img.complete && img.naturalWidth > 0;
    };
    const stillNames = Object.keys(stills);
    await waitFor('the stills to load', allLoaded, [...stillNames, 'webp', 'removed']);
    await waitFor('the invalid ids to be reported', () =>
      document.querySelector('[data-test="invalid"]').hasAttribute('data-error') &&
      window.imageOf('react-invalid')?.dataset.error !== undefined,
    );
    const magic = (test) =>
      page.evaluate(async (name) => {
        const bytes = new Uint8Array(await (await fetch(window.imageOf(name).src)).arrayBuffer());
        return String.fromCharCode(...bytes.subarray(0, 4)) + String.fromCharCode(...bytes.subarray(8, 12));
      }, test);

    // Pixels: the screenshot's boxes against the native CLI.
    const screenshot = decodePng(await page.screenshot({ type: 'png' }));
    for (const name of stillNames) {
      const shown = await state(name);
      let props = stills[name].props;
      if (props.id === 'random') {
        const picked = /^Pixabot ([0-9a-z]{4})$/.exec(shown.alt)?.[1];
        check('id="random" names the ID it picked in alt', picked ? undefined : `alt is ${JSON.stringify(shown.alt)}`);
        if (!picked) continue;
        props = { ...props, id: picked };
      }
      expectEqual(`${name}: a still PNG under reduced motion`, (await magic(name)).slice(0, 4), '\x89PNG');
      check(`${name}: pixels equal the native render`, differences(screenshot, shown.box, nativeStill(cli, props, directory)));
      expectEqual(`${name}: image-rendering`, shown.rendering, 'pixelated');
    }

    // Alt text, passthrough props and the forwarded ref.
    expectEqual('element: default alt', (await state('element')).alt, `Pixabot ${stills.element.props.id}`);
    const react = await state('react');
    expectEqual('react: default alt', react.alt, `Pixabot ${stills.react.props.id}`);
    expectEqual('react: className passes through', react.className, 'react-bot');
    expectEqual('react: ref reaches the <img>', react.viaRef, 'forwarded');
    await page.evaluate(() => document.querySelector('[data-test="element"]').setAttribute('alt', 'A robot'));
    await waitFor('the alt attribute to apply', () => window.imageOf('element').alt === 'A robot');

    // Errors: nothing shown, the message on data-error, the PixabotsError on the event.
    const invalid = await page.evaluate(() => ({
      dataError: document.querySelector('[data-test="invalid"]').dataset.error,
      img: window.imageOf('invalid') !== null,
      events: window.report.errors,
    }));
    check('element: an invalid id shows no image', invalid.img ? 'an <img> is shown' : undefined);
    check(`element: data-error names the id`, invalid.dataError?.includes(invalidId) ? undefined : `data-error is ${JSON.stringify(invalid.dataError)}`);
    const event = invalid.events.find((error) => error.test === 'invalid');
    check('element: the error event carries a PixabotsError with a code',
      event?.name === 'PixabotsError' && event.code ? undefined : `events: ${JSON.stringify(invalid.events)}`);
    const reactInvalid = await state('react-invalid');
    check('react: an invalid id shows no src, the message on data-error',
      reactInvalid.src === null && reactInvalid.dataError?.includes(invalidId) ? undefined : JSON.stringify(reactInvalid));

    // Motion: once reduced motion is off, the animations (the media query is followed live).
    await page.emulateMedia({ reducedMotion: 'no-preference' });
    await waitFor('the animation after reduced motion is off', replaced, ['react', react.src]);
    await waitFor('the WebP animation to load', allLoaded, ['webp']);
    expectEqual('react: animated is a GIF without reduced motion', (await magic('react')).slice(0, 4), 'GIF8');
    expectEqual('element: webp animated is a WebP', await magic('webp'), 'RIFFWEBP');
    expectEqual('element: animated="false" stays a PNG', (await magic('element')).slice(0, 4), '\x89PNG');

    // Object URLs: a replaced one is revoked, so is a removed element's; several quick
    // id changes leave only the last shown.
    const revoked = () => page.evaluate(() => window.report.revoked);
    const elementSrc = (await state('element')).src;
    await page.evaluate((id) => document.querySelector('[data-test="element"]').setAttribute('id', id), replacementId);
    await waitFor('the element to show the new id', replaced, ['element', elementSrc]);
    check('element: the replaced object URL is revoked', (await revoked()).includes(elementSrc) ? undefined : `${elementSrc} not revoked`);
    const removedSrc = (await state('removed')).src;
    await page.evaluate(() => document.querySelector('[data-test="removed"]').remove());
    check('element: a removed element revokes its URL', (await revoked()).includes(removedSrc) ? undefined : `${removedSrc} not revoked`);
    const reactSrc = (await state('react')).src;
    await page.evaluate(async (ids) => {
      for (const id of ids) {
        window.setReactId(id);
        await new Promise((resolve) => setTimeout(resolve, 0));
      }
    }, ['1111', '2222', replacementId]);
    await waitFor('the component to show the last id', ([name, id]) => window.imageOf(name).alt === `Pixabot ${id}`,
      ['react', replacementId]);
    await waitFor('the component to load the last id', allLoaded, ['react']);
    check('react: the replaced object URL is revoked', (await revoked()).includes(reactSrc) ? undefined : `${reactSrc} not revoked`);
    const leaks = await page.evaluate(() => {
      const shown = new Set(['element', 'random', 'webp', 'react'].map((name) => window.imageOf(name).getAttribute('src')));
      return window.report.created.filter((url) => !shown.has(url) && !window.report.revoked.includes(url));
    });
    check('every object URL not on screen is revoked', leaks.length ? `still live: ${leaks.join(' ')}` : undefined);

    // The module worker: load() with no wasm given, renders byte for byte the CLI's files.
    await waitFor('the worker\'s renders', () => window.report.worker !== undefined);
    const fromWorker = await page.evaluate(() => {
      const { error, ...renders } = window.report.worker;
      return { error, renders: Object.fromEntries(Object.entries(renders).map(([format, bytes]) => [format, Array.from(bytes)])) };
    });
    check('worker: load() finds its wasm in a module worker and renders', fromWorker.error);
    for (const format of workerRender.files) {
      const { id, size } = workerRender;
      const native = nativeRender(cli, directory, `worker-${id}-${size}.${format}`, id, ['--size', String(size)]);
      const rendered = fromWorker.renders[format];
      check(`worker: ${format.toUpperCase()}@${size} of ${id} is the CLI's file byte for byte`,
        rendered ? byteDifference(rendered, native) : 'not rendered');
    }

    check('the page loads nothing off the loopback server', offsite.length ? offsite.join(' ') : undefined);
    check('no page errors', pageErrors.length ? pageErrors.join('\n') : undefined);
  } finally {
    await Promise.race([browser?.close(), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]);
    server.close();
  }
}

// A hung step cannot outlive the run: exiting kills Chromium (playwright's exit hook).
const watchdog = setTimeout(() => {
  console.error(`browser test: gave up after ${wholeRunMs / 1000} s`);
  process.exit(1);
}, wholeRunMs);
const directory = mkdtempSync(join(tmpdir(), 'pixabots-browser-'));
try {
  await main(directory);
} catch (error) {
  check('the browser test ran to the end', error.message);
} finally {
  clearTimeout(watchdog);
  rmSync(directory, { recursive: true, force: true });
}
const failed = results.filter((result) => result.failure).length;
console.log(`browser: ${results.length - failed} passed, ${failed} failed`);
process.exitCode = failed ? 1 : 0;
