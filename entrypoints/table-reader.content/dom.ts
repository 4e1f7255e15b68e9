/** Builds an element with attributes and children; text is always set as text, never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  for (const child of children) if (child !== null && child !== undefined && child !== false) element.append(child);
  return element;
}

/**
 * Calls `handler` for clicks (and Enter/Space on buttons, which browsers turn
 * into clicks) made by the person, never for clicks a page script synthesised.
 */
export function onTrustedClick(element: HTMLElement, handler: (event: MouseEvent) => void): void {
  element.addEventListener('click', (event) => {
    if (!event.isTrusted) return;
    event.preventDefault();
    event.stopPropagation();
    handler(event);
  });
}

export function button(label: string, className: string, handler: () => void): HTMLButtonElement {
  const element = el('button', { type: 'button', class: className }, label);
  onTrustedClick(element, handler);
  return element;
}
