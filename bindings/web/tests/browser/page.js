// The test page, bundled by esbuild (run.mjs): the <pixa-bot> element and the
// React <Pixabot> side by side, and a module worker rendering with the
// package. It records object URLs, error events and the worker's renders on
// window.report; window.imageOf finds a test's <img> and window.setReactId
// re-renders the component.
import { report } from './record-urls.js';
import 'pixabots-web/element'; // by the package's name: its exports map, as an app would
import { createElement, useEffect, useRef, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { Pixabot } from 'pixabots-web/react';
import { invalidId, stills, webp } from './cases.js';

// The <img> of a data-test name: in the element's shadow root, or React's own.
window.imageOf = (test) => {
  const node = document.querySelector(`[data-test="${test}"]`);
  return node?.localName === 'pixa-bot' ? node.shadowRoot.querySelector('img') : node;
};

function place(node, { left, top }) {
  node.style.cssText = `position: absolute; left: ${left}px; top: ${top}px`;
  return node;
}

function pixaBot(testId, attributes, box) {
  const element = document.createElement('pixa-bot');
  element.dataset.test = testId;
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.addEventListener('error', (event) =>
    report.errors.push({ test: testId, name: event.error?.name, code: event.error?.code, message: event.message }),
  );
  document.body.append(box ? place(element, box) : element);
  return element;
}

pixaBot('element', { ...stills.element.props, animated: false }, stills.element.box);
pixaBot('random', stills.random.props, stills.random.box);
pixaBot('webp', webp.props, webp.box);
pixaBot('invalid', { id: invalidId });
pixaBot('removed', { id: '2156', size: 32 });

function App() {
  const { id: initialId, ...props } = stills.react.props;
  const [id, setId] = useState(initialId);
  const ref = useRef(null);
  useEffect(() => {
    window.setReactId = setId;
    ref.current.dataset.viaRef = 'forwarded'; // the ref reaches the <img>
  }, []);
  return createElement(
    'div',
    null,
    createElement(Pixabot, {
      ref,
      id,
      ...props,
      className: 'react-bot',
      style: { position: 'absolute', ...stills.react.box },
      'data-test': 'react',
    }),
    createElement(Pixabot, { id: invalidId, 'data-test': 'react-invalid' }),
  );
}

// The module worker's renders (or why it failed) on window.report.worker.
const worker = new Worker('/worker.js', { type: 'module' });
worker.addEventListener('message', (event) => {
  report.worker = event.data;
  worker.terminate();
});
worker.addEventListener('error', (event) => {
  report.worker = { error: event.message || 'the worker script failed to load' };
});

const container = document.createElement('div');
document.body.append(container);
createRoot(container).render(createElement(App));
