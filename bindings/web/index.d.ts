// Types of pixabots-web (index.js): the pixabots renderer as WebAssembly.

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

/** A failure, with the library's message (the bad value and what is accepted). */
export declare class PixabotsError extends Error {
  constructor(status: StatusName | number, message: string, options?: ErrorOptions);
  readonly name: 'PixabotsError';
  /** The pxb_status name, e.g. 'INVALID_ID'. */
  readonly code: StatusName;
  /** The same as `code`, as the Node binding names it. */
  readonly status: StatusName;
  /** The pxb_status number, e.g. 1. */
  readonly statusCode: number;
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

/** Every category's part names, in ID digit order. */
export type Parts = Record<CategoryName, string[]>;

/** Render options; anything left out (or null) takes the library's default. */
export interface RenderOptions {
  /** Output format (default 'png', or 'gif' when `animated` is true). */
  format?: Format | null;
  /**
   * true without a format renders 'gif', as the service does. With a format
   * it must agree: png, svg and rgba are stills, gif, webp and apng
   * animations; json, frames and the sheets ignore it.
   */
  animated?: boolean | null;
  /** Width and height in pixels, an integer 32..1920 (default 128). */
  size?: number | null;
  /** Hue rotation in degrees, any finite number (default 0). */
  hue?: number | null;
  /** Chroma multiplier 0..4 (default 1). */
  saturate?: number | null;
  /** "#rrggbb" to flatten onto; null or absent: transparent. */
  bg?: string | null;
  /** Animation speed 0.25..4 (default 1). */
  speed?: number | null;
  /** png and rgba: 'still' (default), one tick 0..15, or 'all' ticks stacked vertically. */
  tick?: number | 'all' | 'still' | null;
  /** svg: merge same-colour runs (same picture, fewer bytes). */
  compactSvg?: boolean | null;
  /** Sheets: 0 = one row (default), 1..16 = a grid that many frames wide. */
  sheetColumns?: number | null;
  /** Sheets: merge identical consecutive ticks. */
  mergeRepeats?: boolean | null;
  /** json and frames: the origin of URLs (default "https://pixabots.com"). */
  origin?: string | null;
  /** sheet-json: meta.image (default "sheet.png"). */
  sheetImage?: string | null;
}

/** Caps on what the library reads from a pack or a PNG; 0 or absent: the library's default. */
export interface Limits {
  /** px, default 8192, at most 1000000 (decodePng). */
  pngMaxWidth?: number;
  /** px, default 8192, at most 1000000 (decodePng). */
  pngMaxHeight?: number;
  /** width * height, default 2^24, at most 2^28 (decodePng). */
  pngMaxPixels?: number;
  /** Frames in one sheet, default 64, at most 64. */
  packMaxSheetFrames?: number;
  /** One manifest or sheet file, default 1 MiB, at most 64 MiB. */
  packMaxFileBytes?: number;
  /** All the files a pack reads, default 64 MiB, at most 1 GiB. */
  packMaxTotalBytes?: number;
}

/** Bytes: a Uint8Array (or any ArrayBufferView, e.g. a Node Buffer) or an ArrayBuffer. */
export type Bytes = ArrayBuffer | ArrayBufferView;

/** A sprite pack as files in memory: path inside the pack ("manifest.json", "eyes/visor.png") -> bytes. */
export type PackFiles = Record<string, Bytes> | Map<string, Bytes>;

/** Where load() gets the WebAssembly module. */
export type WasmSource =
  | ArrayBuffer
  | ArrayBufferView
  | WebAssembly.Module
  | URL
  | string
  | Response
  | PromiseLike<Response>;

export interface LoadOptions {
  /** Default: dist/pixabots.wasm beside index.js (read with node:fs under Node, else fetched). */
  wasm?: WasmSource | null;
  /** Draw with this sprite pack instead of the embedded art. */
  pack?: PackFiles | null;
  /** Limits for `pack`. */
  limits?: Limits | null;
}

/** Decoded 8-bit RGBA pixels, rows width*4 bytes, not premultiplied. */
export interface DecodedImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** One sprite pack on one WebAssembly instance. Every method is synchronous. */
export interface Pixabots {
  /** Another object on the same instance, drawing with a pack given as files in memory. */
  withPack(files: PackFiles, options?: { limits?: Limits | null }): Pixabots;
  /** Frees the context now; later calls throw INVALID_ARGUMENT. Idempotent. */
  close(): void;
  [Symbol.dispose](): void;
  /** True once close() was called. */
  readonly closed: boolean;
  /** Bytes of WebAssembly memory the instance holds (it grows, never shrinks). */
  readonly memoryBytes: number;

  /** The bytes of options.format: a copy the caller owns. */
  render(id: string, options?: RenderOptions): Uint8Array;
  isValid(id: unknown): boolean;
  /** Throws PixabotsError INVALID_ID, saying why, unless `id` is valid. */
  checkId(id: string): void;
  decode(id: string): Combo;
  encode(combo: Combo): string;
  /** The service's seededId: the same text always gives the same ID. */
  seededId(text: string): string;
  /** A uniformly random ID (crypto.getRandomValues). */
  randomId(): string;
  parts(): Parts;
  partCount(category: Category): number;
  partName(category: Category, part: number): string;
  comboCount(): number;
  comboIndex(id: string): number;
  idAt(index: number): string;
  nextId(id: string): string;
  previousId(id: string): string;
  tickCount(id: string): number;
  /** Milliseconds of one whole loop at `speed` (0.25..4, default 1). */
  loopDurationMs(id: string, speed?: number): number;
  /** Milliseconds one tick is shown at `speed` (0.25..4, default 1): max(20, round(72 / speed)). */
  tickDurationMs(speed?: number): number;
  /** The catalog as JSON text. */
  catalogJson(): string;
  /** Decodes a PNG of any colour type and bit depth to 8-bit RGBA. */
  decodePng(png: Bytes, limits?: Limits | null): DecodedImage;
  /** The library's version, "major.minor.patch". */
  version(): string;
}

/** A context drawing with the embedded art, or options.pack, in the instance every load() of the module shares. */
export declare function load(options?: LoadOptions): Promise<Pixabots>;
