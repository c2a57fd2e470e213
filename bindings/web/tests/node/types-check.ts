// Compiled with tsc --noEmit by types.test.js: index.d.ts describes the API as used.
import { CATEGORIES, FORMATS, PixabotsError, Status, load } from '../../index.js';
import type { Combo, Format, Limits, Parts, Pixabots, RenderOptions, StatusName } from '../../index.js';

async function main(): Promise<void> {
  const bots: Pixabots = await load();
  const fromBytes: Pixabots = await load({ wasm: new Uint8Array(8), pack: new Map([['eyes/x.png', new Uint8Array(1)]]) });
  await load({ wasm: fetch('/pixabots.wasm'), limits: { packMaxFileBytes: 1 << 20 } });
  const options: RenderOptions = { format: 'sheet-json', size: 64, tick: 'all', sheetImage: 'a.png', animated: null };
  const bytes: Uint8Array = bots.render('2156', options);
  const combo: Combo = bots.decode(bots.seededId('alice'));
  const id: string = bots.encode(combo);
  const parts: Parts = bots.parts();
  const names: string[] = parts.eyes;
  const format: Format = 'webp';
  const code: number = FORMATS[format] + Status.INVALID_ID + CATEGORIES.length;
  const limits: Limits = { pngMaxPixels: 2 ** 20 };
  const { width, data } = bots.decodePng(bytes, limits);
  const pack = bots.withPack({ 'manifest.json': new ArrayBuffer(2) });
  pack.close();
  fromBytes[Symbol.dispose]();
  try {
    bots.checkId(id);
  } catch (error) {
    if (error instanceof PixabotsError) {
      const name: StatusName = error.code;
      console.log(name, error.status, error.statusCode);
    }
  }
  console.log(width, data.length, names, code, bots.tickDurationMs(2), bots.version(), bots.closed, bots.memoryBytes);

  // @ts-expect-error: formats are names, not numbers
  bots.render('2156', { format: 1 });
  // @ts-expect-error: no such option
  bots.render('2156', { colour: '#000000' });
  // @ts-expect-error: a combo has four parts
  bots.encode({ eyes: 1 });
}

void main;
