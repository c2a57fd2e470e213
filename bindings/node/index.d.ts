/// <reference types="node" />
// Types of the pixabots Node.js binding (index.js).

/** pxb_status names. */
export type StatusName =
  | 'OK'
  | 'INVALID_ID'
  | 'INVALID_OPTION'
  | 'INVALID_PACK'
  | 'IO'
  | 'CODEC'
  | 'INVALID_ARGUMENT'
  | 'BUFFER_TOO_SMALL'
  | 'OUT_OF_MEMORY'
  | 'VERSION_MISMATCH'
  | 'INTERNAL';

/** pxb_status values by name. */
export declare const Status: Readonly<Record<StatusName, number>>;

/** A failure the library reported, with its message (the bad value and what is accepted). */
export declare class PixabotsError extends Error {
  constructor(status: StatusName | number, message: string, options?: ErrorOptions);
  readonly name: 'PixabotsError';
  /** The pxb_status name, e.g. 'INVALID_ID'. */
  readonly status: StatusName;
  /** The pxb_status number, e.g. 1. */
  readonly statusCode: number;
  /** BUFFER_TOO_SMALL from renderRgbaSync: the bytes the output needs. */
  readonly needed?: number;
}

export type Format =
  | 'png'
  | 'gif'
  | 'webp'
  | 'apng'
  | 'svg'
  | 'rgba'
  | 'json'
  | 'frames'
  | 'sheet-png'
  | 'sheet-json';

/** Format names and their pxb_format values. */
export declare const FORMATS: Readonly<Record<Format, number>>;

export type CategoryName = 'eyes' | 'heads' | 'body' | 'top';
/** Category names in encoding order (an ID's characters). */
export declare const CATEGORIES: readonly ['eyes', 'heads', 'body', 'top'];
/** A category by name or by index 0..3. */
export type Category = CategoryName | 0 | 1 | 2 | 3;

/** One part index per category. */
export interface Combo {
  eyes: number;
  heads: number;
  body: number;
  top: number;
}

/** Render options; anything left out takes the library's default. */
export interface RenderOptions {
  /** Output format (default 'png'). */
  format?: Format;
  /** Width and height in pixels, an integer 32..1920 (default 128). */
  size?: number;
  /** Hue rotation in degrees, any finite number (default 0). */
  hue?: number;
  /** Chroma multiplier 0..4 (default 1). */
  saturate?: number;
  /** "#rrggbb" to flatten onto; null or absent: transparent. */
  bg?: string | null;
  /** Animation speed 0.25..4 (default 1). */
  speed?: number;
  /** png and rgba: 'still' (default), one tick 0..15, or 'all' ticks stacked vertically. */
  tick?: number | 'all' | 'still' | null;
  /** svg: merge same-colour runs (same picture, fewer bytes). */
  compactSvg?: boolean;
  /** Sheets: 0 = one row (default), 1..16 = a grid that many frames wide. */
  sheetColumns?: number;
  /** Sheets: merge identical consecutive ticks. */
  mergeRepeats?: boolean;
  /** JSON formats: the origin of URLs (default "https://pixabots.com"). */
  origin?: string | null;
  /** sheet-json: meta.image (default "sheet.png"). */
  sheetImage?: string | null;
}

/** Decoded 8-bit RGBA pixels, rows width*4 bytes, not premultiplied. */
export interface DecodedImage {
  width: number;
  height: number;
  data: Buffer;
}

/** A sprite pack plus its catalog; immutable, so renders may share it freely. */
export declare class Context {
  /** A context drawing with the art embedded in the library. */
  constructor();
  /** A context drawing with the sprite pack in a directory. */
  static fromDirectory(dir: string): Context;
  /** A context drawing with a pack held in memory: path inside the pack -> bytes. */
  static fromFiles(files: Record<string, Uint8Array> | Map<string, Uint8Array>): Context;

  /** Frees the native context (after any async render still running on it). Idempotent. */
  close(): void;
  /** True once close() was called. */
  readonly closed: boolean;
  [Symbol.dispose](): void;

  isValid(id: string): boolean;
  /** Throws PixabotsError INVALID_ID, saying why, unless `id` is valid. */
  checkId(id: string): void;
  decode(id: string): Combo;
  encode(combo: Combo): string;
  seededId(text: string): string;
  randomId(): string;
  comboCount(): number;
  comboIndex(id: string): number;
  idAt(index: number): string;
  nextId(id: string): string;
  previousId(id: string): string;
  partCount(category: Category): number;
  partName(category: Category, part: number): string;
  tickCount(id: string): number;
  /** Milliseconds of one whole loop at `speed` (0.25..4, default 1): tickCount(id) * tickDurationMs(speed). */
  loopDurationMs(id: string, speed?: number): number;
  /** The catalog as JSON text. */
  catalogJson(): string;

  /** Renders on the calling thread. */
  renderSync(id: string, options?: RenderOptions): Buffer;
  /** Renders on a worker thread. */
  render(id: string, options?: RenderOptions): Promise<Buffer>;
  /**
   * Raw RGBA (format is always 'rgba'). With `into`, the pixels are written
   * there and the result is a Buffer over the bytes written, sharing its memory.
   */
  renderRgbaSync(id: string, options?: Omit<RenderOptions, 'format'> & { format?: 'rgba' }, into?: ArrayBufferView): Buffer;
}

/** Decodes a PNG of any colour type and bit depth to 8-bit RGBA. */
export declare function decodePng(png: ArrayBufferView): DecodedImage;

/** Milliseconds one animation tick is shown at `speed` (0.25..4, default 1): max(20, round(72 / speed)). */
export declare function tickDurationMs(speed?: number): number;

/** The version of the loaded native library, "major.minor.patch". */
export declare function version(): string;
