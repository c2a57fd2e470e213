// <pixa-bot id="2156" size="128">: a Pixabot rendered in the page by the
// WebAssembly module, no framework and no network. Importing this file
// registers the element (once, however often it is imported).
//
// Failures (a bad id or option, a module that would not load) show nothing:
// the element gets a data-error attribute with the message and fires an
// ErrorEvent "error" whose .error is the PixabotsError (its .code says which).
// A shown image fires "load" on the element.
import {
  pixabots,
  prefersReducedMotion,
  renderOptions,
  renderUrl,
  wantsRandom,
  watchReducedMotion,
} from './browser/avatar.js';

const observed = ['id', 'size', 'animated', 'speed', 'format', 'webp', 'hue', 'saturate', 'bg', 'alt'];

// Shadow DOM: a page's own img rules (max-width: 100%, height: auto, resets)
// cannot reach the <img>, so it stays size x size and pixelated; ::part(img)
// still lets the page style it on purpose.
const css = ':host{display:inline-block;line-height:0}img{image-rendering:pixelated}';

// Where there is no DOM (server rendering) the module still imports.
const Base = globalThis.HTMLElement ?? class {};

export class PixaBotElement extends Base {
  static observedAttributes = observed;

  #img;
  #url;
  #randomId; // what id="random" picked, kept until the id attribute changes
  #generation = 0; // the latest render; an older one that finishes late is dropped
  #scheduled = false;
  #unwatch;

  constructor() {
    super();
    const style = document.createElement('style');
    style.textContent = css;
    this.attachShadow({ mode: 'open' }).append(style);
  }

  connectedCallback() {
    this.#unwatch = watchReducedMotion(() => this.#schedule());
    this.#schedule();
  }

  disconnectedCallback() {
    this.#unwatch();
    this.#generation++;
    this.#clear();
  }

  attributeChangedCallback(name, previous, value) {
    if (previous === value) return;
    if (name === 'id') this.#randomId = undefined;
    if (this.isConnected) this.#schedule();
  }

  // Setting several attributes in a row renders once.
  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    queueMicrotask(() => {
      this.#scheduled = false;
      if (this.isConnected) this.#render();
    });
  }

  async #render() {
    const generation = ++this.#generation;
    try {
      const instance = await pixabots();
      if (generation !== this.#generation) return;
      const requested = this.getAttribute('id');
      const id = wantsRandom(requested) ? (this.#randomId ??= instance.randomId()) : requested;
      const options = renderOptions(this.#props(), prefersReducedMotion());
      this.#show(renderUrl(instance, id, options), id, options.size);
    } catch (error) {
      if (generation === this.#generation) this.#fail(error);
    }
  }

  #props() {
    return {
      size: this.#number('size'),
      animated: this.#flag('animated', true),
      speed: this.#number('speed'),
      format: this.getAttribute('format') ?? undefined,
      webp: this.#flag('webp', false),
      hue: this.#number('hue'),
      saturate: this.#number('saturate'),
      bg: this.getAttribute('bg') ?? undefined,
    };
  }

  // A text that is no number reaches render() as NaN, which rejects it by name.
  #number(name) {
    const value = this.getAttribute(name);
    return value === null ? undefined : Number(value);
  }

  // Present means true (webp, animated="") except the word "false".
  #flag(name, absent) {
    const value = this.getAttribute(name);
    return value === null ? absent : value.trim().toLowerCase() !== 'false';
  }

  #show(url, id, size) {
    if (!this.#img) {
      this.#img = document.createElement('img');
      this.#img.part = 'img';
      this.#img.addEventListener('load', () => this.dispatchEvent(new Event('load')));
      this.shadowRoot.append(this.#img);
    }
    this.#img.width = size;
    this.#img.height = size;
    this.#img.alt = this.getAttribute('alt') ?? `Pixabot ${id}`;
    this.#img.src = url;
    this.#revoke();
    this.#url = url;
    this.removeAttribute('data-error');
  }

  #fail(error) {
    this.#clear();
    this.setAttribute('data-error', error?.message ?? String(error));
    this.dispatchEvent(new ErrorEvent('error', { error, message: error?.message }));
  }

  #clear() {
    this.#img?.remove();
    this.#img = undefined;
    this.#revoke();
  }

  #revoke() {
    if (this.#url) URL.revokeObjectURL(this.#url);
    this.#url = undefined;
  }
}

if (globalThis.customElements && !customElements.get('pixa-bot')) customElements.define('pixa-bot', PixaBotElement);
