// <Pixabot id="2156" />: @pixabots/react's component with the same props, but
// rendered in the page by the WebAssembly module instead of fetched from the
// service, so swapping the import is the whole migration. Plain
// createElement (no JSX): the file ships as written, no build step.
//
// A failure (a bad id or option, a module that would not load) shows an <img>
// without src whose data-error attribute holds the message.
import { createElement, forwardRef, useEffect, useRef, useState, useSyncExternalStore } from 'react';
import {
  pixabots,
  prefersReducedMotion,
  renderOptions,
  renderUrl,
  wantsRandom,
  watchReducedMotion,
} from './browser/avatar.js';

const serverSnapshot = () => false;

function useReducedMotion() {
  return useSyncExternalStore(watchReducedMotion, prefersReducedMotion, serverSnapshot);
}

export const Pixabot = forwardRef(function Pixabot(
  {
    id,
    size = 128,
    animated = true,
    speed,
    format,
    webp,
    hue,
    saturate,
    bg,
    origin, // @pixabots/react's service address: nothing is fetched here, so it is dropped
    alt,
    style,
    width,
    height,
    ...rest
  },
  ref,
) {
  const reducedMotion = useReducedMotion();
  const [shown, setShown] = useState({});
  const randomId = useRef(); // what id "random" picked, kept while id stays random

  useEffect(() => {
    let current = true; // false once newer props (or unmounting) took over
    pixabots()
      .then((instance) => {
        if (!current) return;
        randomId.current = wantsRandom(id) ? (randomId.current ?? instance.randomId()) : undefined;
        const shownId = randomId.current ?? id;
        const options = renderOptions({ size, animated, speed, format, webp, hue, saturate, bg }, reducedMotion);
        setShown({ src: renderUrl(instance, shownId, options), id: shownId });
      })
      .catch((error) => {
        if (current) setShown({ error });
      });
    return () => {
      current = false;
    };
  }, [id, size, animated, speed, format, webp, hue, saturate, bg, reducedMotion]);

  // An object URL is revoked once a newer one is on screen, the last on unmount.
  useEffect(() => {
    const { src } = shown;
    return () => {
      if (src) URL.revokeObjectURL(src);
    };
  }, [shown]);

  const altId = wantsRandom(id) ? shown.id : id;
  return createElement('img', {
    ...rest,
    ref,
    src: shown.src,
    alt: alt ?? (altId ? `Pixabot ${altId}` : 'Pixabot'),
    width: width ?? size,
    height: height ?? size,
    style: { imageRendering: 'pixelated', ...style },
    'data-error': shown.error?.message,
  });
});

export default Pixabot;
