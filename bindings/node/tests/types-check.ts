// Compiled (never run) by types.test.js: the declarations in index.d.ts must
// accept this use of the API and refuse the lines marked @ts-expect-error.
import { CATEGORIES, Context, decodePng, FORMATS, PixabotsError, Status, version } from '..';
import type { Combo, DecodedImage, Format, RenderOptions, StatusName } from '..';

async function use(): Promise<void> {
  const ctx: Context = new Context();
  const pack = Context.fromDirectory('pack');
  const memory = Context.fromFiles({ 'manifest.json': Buffer.from('{}') });
  const fromMap = Context.fromFiles(new Map([['eyes/glasses.png', new Uint8Array(4)]]));

  const options: RenderOptions = { format: 'webp', size: 256, hue: 90, saturate: 1.5, bg: '#fde68a', speed: 2 };
  const sync: Buffer = ctx.renderSync('2156', options);
  const later: Buffer = await ctx.render('2156', { tick: 'all', format: 'png' });
  const pixels: Buffer = ctx.renderRgbaSync('2156', { size: 64, tick: 3 }, new Uint8ClampedArray(64 * 64 * 4));
  const image: DecodedImage = decodePng(sync);
  const width: number = image.width + image.height + image.data.length + later.length + pixels.length;

  const combo: Combo = ctx.decode('2156');
  const id: string = ctx.encode(combo);
  const names: string[] = [ctx.partName('eyes', 0), ctx.partName(3, 1), ctx.seededId('alice'), ctx.randomId()];
  const counts: number[] = [ctx.comboCount(), ctx.comboIndex(id), ctx.partCount('top'), ctx.tickCount(id), width];
  const browse: string[] = [ctx.idAt(0), ctx.nextId(id), ctx.previousId(id)];
  const valid: boolean = ctx.isValid(id) && !ctx.closed;
  ctx.checkId(id);
  const format: Format = 'sheet-json';
  const code: number = FORMATS[format] + Status.INVALID_ID + CATEGORIES.length;
  const text: string = version();

  try {
    ctx.renderSync('g000');
  } catch (error) {
    if (error instanceof PixabotsError) {
      const status: StatusName = error.status;
      const n: number = error.statusCode + (error.needed ?? 0);
      void status, n;
    }
  }

  // @ts-expect-error: not a format
  ctx.renderSync('2156', { format: 'bmp' });
  // @ts-expect-error: size is a number
  ctx.renderSync('2156', { size: '128' });
  // @ts-expect-error: unknown option
  ctx.renderSync('2156', { sise: 128 });
  // @ts-expect-error: not a category
  ctx.partCount('hats');
  // @ts-expect-error: renderRgbaSync renders rgba only
  ctx.renderRgbaSync('2156', { format: 'png' });

  void [names, counts, browse, valid, code, text];
  for (const c of [ctx, pack, memory, fromMap]) c.close();
}

void use;
