// The reference side of the checks: the native CLI's files of the same
// options; PNGs decoded by pngjs (a decoder of neither Chromium nor
// pixabots) and compared pixel for pixel, or files compared byte for byte.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** The bytes of the native CLI's `render id ...flags -o directory/name`. */
export function nativeRender(cli, directory, name, id, flags) {
  const file = join(directory, name);
  const args = ['render', id, ...flags, '-o', file];
  try {
    execFileSync(cli, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  } catch (error) {
    throw new Error(`${cli} ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
  return readFileSync(file);
}

/** The native still of props ({ id, size, bg, hue, saturate }), decoded. */
export function nativeStill(cli, props, directory) {
  const flags = ['--size', String(props.size)];
  for (const name of ['bg', 'hue', 'saturate'])
    if (props[name] !== undefined) flags.push(`--${name}`, String(props[name]));
  return PNG.sync.read(nativeRender(cli, directory, `native-${props.id}-${props.size}.png`, props.id, flags));
}

export function decodePng(bytes) {
  return PNG.sync.read(bytes);
}

/** Why the screenshot's box (CSS px at scale 1) differs from expected, or undefined when every pixel is equal. */
export function differences(screenshot, box, expected) {
  if (box.width !== expected.width || box.height !== expected.height)
    return `box is ${box.width}x${box.height}, the native render ${expected.width}x${expected.height}`;
  if (box.x + box.width > screenshot.width || box.y + box.height > screenshot.height)
    return `box at ${box.x},${box.y} runs off the ${screenshot.width}x${screenshot.height} screenshot`;
  let count = 0;
  let first;
  for (let y = 0; y < box.height; y++)
    for (let x = 0; x < box.width; x++) {
      const s = ((box.y + y) * screenshot.width + box.x + x) * 4;
      const e = (y * expected.width + x) * 4;
      const shot = screenshot.data.subarray(s, s + 4);
      const want = expected.data.subarray(e, e + 4);
      if (shot.every((value, channel) => value === want[channel])) continue;
      count++;
      first ??= `(${x},${y}) is rgba(${[...shot]}) instead of rgba(${[...want]})`;
    }
  return count ? `${count} of ${box.width * box.height} pixels differ, first ${first}` : undefined;
}

/** Where `actual` first differs from `expected` (both byte arrays), or undefined when they are equal. */
export function byteDifference(actual, expected) {
  const length = Math.min(actual.length, expected.length);
  const at = expected.findIndex((value, i) => i >= length || actual[i] !== value);
  if (at < 0 && actual.length === expected.length) return undefined;
  return `${actual.length} bytes against ${expected.length}, first difference at byte ${at < 0 ? length : at}`;
}
