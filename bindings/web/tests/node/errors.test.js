// Failures carry the native library's message (the CLI prints the same one)
// and its status; bad JavaScript arguments get the same codes and say what
// was wrong and what is accepted.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';

import { PixabotsError, Status } from '../../index.js';
import { bots, cliError } from './helpers.js';

function rejects(fn, code, message) {
  assert.throws(fn, (error) => {
    assert.ok(error instanceof PixabotsError);
    assert.ok(error instanceof Error);
    assert.equal(error.name, 'PixabotsError');
    assert.equal(error.code, code);
    assert.equal(error.status, code);
    assert.equal(error.statusCode, Status[code]);
    if (message instanceof RegExp) assert.match(error.message, message);
    else assert.equal(error.message, message);
    return true;
  });
}

describe('the library\'s messages, as the CLI prints them', () => {
  const cases = [
    ['zzzz', [], {}, 'INVALID_ID'],
    ['abc', [], {}, 'INVALID_ID'],
    ['21567', [], {}, 'INVALID_ID'],
    ['2_56', [], {}, 'INVALID_ID'],
    ['ÿÿÿÿ', [], {}, 'INVALID_ID'],
    ['2156'.repeat(25000), [], {}, 'INVALID_ID'],
    ['2156', ['--size', '20'], { size: 20 }, 'INVALID_OPTION'],
    ['2156', ['--size', '1921'], { size: 1921 }, 'INVALID_OPTION'],
    ['2156', ['--size=-5'], { size: -5 }, 'INVALID_OPTION'],
    ['2156', ['--bg', 'red'], { bg: 'red' }, 'INVALID_OPTION'],
    ['2156', ['--bg', '#12345'], { bg: '#12345' }, 'INVALID_OPTION'],
    ['2156', ['--bg', '#gggggg'], { bg: '#gggggg' }, 'INVALID_OPTION'],
    ['2156', ['--bg', 'fde68a'], { bg: 'fde68a' }, 'INVALID_OPTION'],
    ['2156', ['--bg', ''], { bg: '' }, 'INVALID_OPTION'],
    ['2156', ['--saturate', '4.5'], { saturate: 4.5 }, 'INVALID_OPTION'],
    ['2156', ['--speed', '0.1'], { speed: 0.1 }, 'INVALID_OPTION'],
    ['2156', ['--columns', '17'], { sheetColumns: 17 }, 'INVALID_OPTION', 'sheet'],
  ];
  for (const [id, flags, options, code, format = 'png'] of cases) {
    test(`${id.length > 8 ? `${id.slice(0, 8)}... (${id.length} characters)` : id} ${flags.join(' ')}`, async () => {
      const b = await bots();
      const expected = cliError(['render', id, ...flags, '--format', format === 'sheet' ? 'sheet' : 'png', '-o', format === 'sheet' ? 'x.png' : '-']);
      rejects(() => b.render(id, { ...options, format: format === 'sheet' ? 'sheet-png' : 'png' }), code, expected);
      if (code === 'INVALID_ID') {
        rejects(() => b.checkId(id), code, expected);
        rejects(() => b.decode(id), code, expected);
        assert.equal(b.isValid(id), false);
      }
    });
  }

  test('what the library checks that the CLI cannot ask for', async () => {
    const b = await bots();
    rejects(() => b.render('2156', { hue: NaN }), 'INVALID_OPTION', 'hue nan is not a finite number of degrees');
    rejects(() => b.render('2156', { hue: Infinity }), 'INVALID_OPTION', /^hue inf is not a finite number/);
    rejects(() => b.render('2156', { tick: 16 }), 'INVALID_OPTION', 'tick 16 is out of range: must be -1 (still), -2 (all) or 0..15');
    rejects(() => b.render('2156', { tick: 3, format: 'gif' }), 'INVALID_OPTION',
      'tick 3 applies only to png and rgba: the other formats are the still image or the whole animation');
    rejects(() => b.encode({ eyes: 99, heads: 0, body: 0, top: 0 }), 'INVALID_ID', /eyes/);
    rejects(() => b.idAt(b.comboCount()), 'INVALID_ID', /10752/);
    rejects(() => b.partName('eyes', 99), 'INVALID_OPTION', /99/);
    rejects(() => b.tickDurationMs(10), 'INVALID_OPTION', /speed/);
    rejects(() => b.decodePng(new Uint8Array([1, 2, 3])), 'CODEC', /PNG/);
  });
});

describe('bad JavaScript arguments', () => {
  const cases = [
    ['a non-string id', (b) => b.render(2156), 'INVALID_ID', 'id must be a string, not 2156'],
    ['an id with a NUL', (b) => b.render('2156\0'), 'INVALID_ID', 'id "2156\\u0000" must not contain NUL characters'],
    ['options that are not an object', (b) => b.render('2156', 'png'), 'INVALID_ARGUMENT', 'options must be an object, not "png"'],
    ['an unknown option', (b) => b.render('2156', { colour: '#000000' }), 'INVALID_OPTION',
      'unknown option "colour": expected one of format, animated, size, hue, saturate, bg, speed, tick, compactSvg, sheetColumns, mergeRepeats, origin, sheetImage'],
    ['an unknown format', (b) => b.render('2156', { format: 'jpeg' }), 'INVALID_OPTION',
      'format "jpeg" is not one of png, gif, webp, apng, svg, rgba, json, frames, sheet-png, sheet-json'],
    ['a format that is not a string', (b) => b.render('2156', { format: 0 }), 'INVALID_OPTION', 'format must be a string, not 0'],
    ['a size that is NaN', (b) => b.render('2156', { size: NaN }), 'INVALID_OPTION', 'size NaN is out of range: must be an integer between 32 and 1920'],
    ['a fractional size', (b) => b.render('2156', { size: 64.5 }), 'INVALID_OPTION', 'size 64.5 is out of range: must be an integer between 32 and 1920'],
    ['a size as a string', (b) => b.render('2156', { size: '64' }), 'INVALID_OPTION', 'size must be a number, not "64"'],
    ['a size past int32', (b) => b.render('2156', { size: 2 ** 40 }), 'INVALID_OPTION', 'size 1099511627776 is out of range: must be an integer between 32 and 1920'],
    ['a hue as a string', (b) => b.render('2156', { hue: '90' }), 'INVALID_OPTION', 'hue must be a number, not "90"'],
    ['a bg that is not a string', (b) => b.render('2156', { bg: 0xffffff }), 'INVALID_OPTION', 'bg must be a string, not 16777215'],
    ['a bg with a NUL', (b) => b.render('2156', { bg: '#ffffff\0' }), 'INVALID_OPTION', 'bg "#ffffff\\u0000" must not contain NUL characters'],
    ['an unknown tick name', (b) => b.render('2156', { tick: 'first' }), 'INVALID_OPTION', 'tick "first" is not \'still\', \'all\' or a tick number 0..15'],
    ['a fractional tick', (b) => b.render('2156', { tick: 1.5 }), 'INVALID_OPTION', "tick 1.5 is out of range: must be an integer 0..15 (or 'still' or 'all')"],
    ['compactSvg not a boolean', (b) => b.render('2156', { format: 'svg', compactSvg: 1 }), 'INVALID_OPTION', 'compactSvg must be a boolean, not 1'],
    ['animated not a boolean', (b) => b.render('2156', { animated: 'yes' }), 'INVALID_OPTION', 'animated must be a boolean, not "yes"'],
    ['animated with a still format', (b) => b.render('2156', { animated: true, format: 'png' }), 'INVALID_OPTION',
      'format "png" is a still image but animated is true: use gif, webp or apng, or leave format out for gif'],
    ['not animated with an animation', (b) => b.render('2156', { animated: false, format: 'webp' }), 'INVALID_OPTION',
      'format "webp" is an animation but animated is false: use png, svg or rgba'],
    ['a seed that is not a string', (b) => b.seededId(null), 'INVALID_ARGUMENT', 'text must be a string, not null'],
    ['a combo that is not an object', (b) => b.encode('2156'), 'INVALID_ARGUMENT', 'combo must be an object {eyes, heads, body, top}, not "2156"'],
    ['a combo part missing', (b) => b.encode({ eyes: 1, heads: 2, body: 3 }), 'INVALID_ID', 'combo.top must be a number, not undefined'],
    ['an unknown category', (b) => b.partCount('hats'), 'INVALID_ARGUMENT', 'category "hats" is not one of eyes, heads, body, top'],
    ['a negative index', (b) => b.idAt(-1), 'INVALID_ID', 'index -1 is out of range: must be an integer between 0 and comboCount() - 1'],
    ['PNG bytes as a string', (b) => b.decodePng('PNG'), 'INVALID_ARGUMENT', 'png must be a Uint8Array, ArrayBuffer or other ArrayBufferView, not "PNG"'],
    ['a speed as a string', (b) => b.loopDurationMs('2156', '1'), 'INVALID_OPTION', 'speed must be a number, not "1"'],
  ];
  for (const [name, call, code, message] of cases) {
    test(name, async () => {
      const b = await bots();
      rejects(() => call(b), code, message);
    });
  }

  test('isValid is false, never a throw, for anything not a valid ID', async () => {
    const b = await bots();
    for (const value of [undefined, null, 2156, {}, '2156\0', '', 'zzzz']) assert.equal(b.isValid(value), false);
    assert.equal(b.isValid('2156'), true);
  });
});
