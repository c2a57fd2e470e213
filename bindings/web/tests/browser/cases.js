// The avatars on the test page (page.js) and what run.mjs compares them with.
// Opaque backgrounds, so compositing onto the page cannot change a pixel;
// each box sits at whole CSS pixels, drawn 1:1 (size = the render size).
export const stills = {
  // animated="false": the still PNG whatever the media query says.
  element: { props: { id: '2156', size: 96, bg: '#fde68a', hue: 200 }, box: { left: 8, top: 8 } },
  // Animated by default: still only because the page is told to reduce motion.
  react: { props: { id: '3409', size: 128, bg: '#1e293b', saturate: 1.5 }, box: { left: 120, top: 8 } },
  // id="random": compared with the ID its alt text names.
  random: { props: { id: 'random', size: 64, bg: '#ffffff' }, box: { left: 264, top: 8 } },
};

// An animated WebP element (moving once reduced motion is off).
export const webp = { props: { id: '2156', size: 48, webp: '' }, box: { left: 344, top: 8 } };

// What replaces the ids in the revocation checks.
export const replacementId = '0000';

// Not an ID: the element and the component report it instead of rendering.
export const invalidId = 'zzzz';

// What the module Web Worker (worker.js) renders with load()'s own wasm URL,
// compared byte for byte with the CLI's files of these names.
export const workerRender = { id: 'f76b', size: 128, files: ['png', 'gif'] };
