/** Just enough DOM building to stay readable without a framework. */
import type { Text } from '../../../forms/i18n';
import { bi } from './i18n';

type Attributes = Record<string, string | number | boolean | undefined>;
export type Child = Node | string | Text | null | undefined | false;

function isText(value: unknown): value is Text {
  return typeof value === 'object' && value !== null && 'ko' in value && 'en' in value && !(value instanceof Node);
}

/**
 * Creates an element. A `Text` child becomes a `<span>` that follows the language switch; strings
 * are inserted as text, never as HTML. Boolean attributes are set when true and left out when false.
 *
 * @example
 * h('p', { class: 'hint' }, { ko: '필수', en: 'Required' })
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Attributes = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, ...children);
  return element;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (typeof child === 'string') parent.appendChild(document.createTextNode(child));
    else if (isText(child)) parent.appendChild(bi(document.createElement('span'), child));
    else parent.appendChild(child);
  }
}

/** An element whose text follows the language switch. */
export function txt<K extends keyof HTMLElementTagNameMap>(tag: K, text: Text, attributes: Attributes = {}): HTMLElementTagNameMap[K] {
  return bi(h(tag, attributes), text);
}

export function byId<E extends HTMLElement = HTMLElement>(id: string): E {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as E;
}

/** Replaces what an element shows. */
export function show(parent: Element, ...children: Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/** Moves the focus to a heading or region after the view changed, so screen readers follow. */
export function focusView(element: HTMLElement): void {
  if (!element.hasAttribute('tabindex')) element.setAttribute('tabindex', '-1');
  element.focus();
}
