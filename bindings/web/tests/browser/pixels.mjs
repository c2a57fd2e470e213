// The reference side of the pixel checks: the native CLI's PNG of the same
// options, and both PNGs decoded by pngjs (a decoder of neither Chromium nor
// pixabots), compared pixel for pixel.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';

/** The native still of props ({ id, size, bg, hue, saturate }), decoded. */
export function nativeStill(cli, props, directory) {
  const file = join(directory, `native-${props.id}-${props.size}.png`);
  const args = ['render', props.id, '--size', String(props.size), '-o', file];
  for (const name of ['bg', 'hue', 'saturate'])
    if (props[name] !== undefined) args.push(`--${name}`, String(props[name]));
  try {
    execFileSync(cli, args, { stdio: ['ignore', 'ignore', 'pipe'], timeout: 30_000 });
  } catch (error) {
    throw new Error(`${cli} ${args.join(' ')} failed: ${error.stderr || error.message}`);
  }
  return PNG.sync.read(readFileSync(file));
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
