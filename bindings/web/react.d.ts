// Types of react.js: @pixabots/react's <Pixabot>, rendered locally.
import type { ForwardRefExoticComponent, ImgHTMLAttributes, RefAttributes } from 'react';

export type PixabotProps = Omit<ImgHTMLAttributes<HTMLImageElement>, 'src'> & {
  /** 4-character ID, or "random" (the default) to pick one on first render. */
  id?: string;
  /** Pixel size, an integer 32..1920. Default 128. */
  size?: number;
  /** The bounce animation (default true); the still PNG under prefers-reduced-motion. */
  animated?: boolean;
  /** Animation speed 0.25..4. Only applies when animated. */
  speed?: number;
  /** SVG instead of raster. */
  format?: 'svg';
  /** With animated: animated WebP instead of GIF. */
  webp?: boolean;
  /** Hue rotation in degrees. */
  hue?: number;
  /** Chroma multiplier 0..4 (0 = grey, 1 = unchanged). */
  saturate?: number;
  /** Background colour #rrggbb: flattens transparency onto it. */
  bg?: string;
  /** @pixabots/react's service address; ignored, nothing is fetched. */
  origin?: string;
};

/** An <img> of the avatar; a failure leaves it without src, the message on data-error. */
export declare const Pixabot: ForwardRefExoticComponent<PixabotProps & RefAttributes<HTMLImageElement>>;
export default Pixabot;
