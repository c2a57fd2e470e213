// Types of element.js: importing it registers <pixa-bot>.

/**
 * <pixa-bot id="2156" size="128">: attributes id (or "random", the default),
 * size, animated (default true; "false" for the still), speed, format ("svg"),
 * webp, hue, saturate, bg (#rrggbb), alt (default "Pixabot {id}").
 * A failure shows nothing, sets data-error to the message and fires an
 * ErrorEvent "error" whose .error is the PixabotsError; a shown image fires "load".
 * The <img> is in an open shadow root, styleable as ::part(img).
 */
export declare class PixaBotElement extends HTMLElement {
  static readonly observedAttributes: readonly string[];
}

declare global {
  interface HTMLElementTagNameMap {
    'pixa-bot': PixaBotElement;
  }
}
