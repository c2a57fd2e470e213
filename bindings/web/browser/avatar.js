// What <pixa-bot> (element.js) and <Pixabot> (react.js) share: one load of the
// module per page, the output their @pixabots/react-style props ask for, and
// that output as an object URL. Browser-only: nothing here imports node:.
import { PixabotsError, load } from '../index.js';

let shared;

/** The page's one module, loaded on first use; a failed load is tried again next time. */
export function pixabots() {
  shared ??= load().catch((error) => {
    shared = undefined;
    throw error;
  });
  return shared;
}

/** True for an absent id and "random" (as @pixabots/react: the avatar picks one). */
export function wantsRandom(id) {
  return id === undefined || id === null || id === '' || id === 'random';
}

/**
 * render() options for the props: format "svg" -> SVG; else animated (and no
 * reduced motion) -> WebP with webp, GIF without; else the still PNG. Speed
 * only means something to an animation, so a still ignores it (as the service does).
 */
export function renderOptions({ size = 128, animated = true, speed, format, webp, hue, saturate, bg }, reducedMotion) {
  if (format !== undefined && format !== null && format !== 'svg')
    throw new PixabotsError('INVALID_OPTION', `format ${JSON.stringify(format)} is not accepted: must be "svg" or absent`);
  const moving = animated !== false && !reducedMotion;
  const output = format === 'svg' ? 'svg' : moving ? (webp ? 'webp' : 'gif') : 'png';
  const options = { format: output, size };
  if (output === 'gif' || output === 'webp') assign(options, 'speed', speed);
  assign(options, 'hue', hue);
  assign(options, 'saturate', saturate);
  assign(options, 'bg', bg);
  return options;
}

function assign(options, name, value) {
  if (value !== undefined && value !== null) options[name] = value;
}

const mimeTypes = { svg: 'image/svg+xml', webp: 'image/webp', gif: 'image/gif', png: 'image/png' };

/** The rendered bytes as an object URL; the caller revokes it. */
export function renderUrl(instance, id, options) {
  const bytes = instance.render(id, options);
  return URL.createObjectURL(new Blob([bytes], { type: mimeTypes[options.format] }));
}

const reducedMotionQuery = '(prefers-reduced-motion: reduce)';

/** Whether the reader asked for less motion (false where there is no matchMedia, e.g. server rendering). */
export function prefersReducedMotion() {
  return typeof matchMedia === 'function' && matchMedia(reducedMotionQuery).matches;
}

/** Calls onChange when the preference changes; returns the unsubscribe. */
export function watchReducedMotion(onChange) {
  if (typeof matchMedia !== 'function') return () => {};
  const query = matchMedia(reducedMotionQuery);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}
