import { afterEach, describe, expect, it, vi } from 'vitest';
import { FRAME_LABELS } from '@/lib/i18n';
import { DEFAULT_UI_STATE } from '@/lib/settings';
import { createSidebarFrame } from './frame';

/** The closed shadow root the frame makes (the page cannot reach it; the test keeps a hold of it). */
function captureShadow(): () => ShadowRoot {
  let root: ShadowRoot | undefined;
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    root = original.call(this, init);
    return root;
  });
  return () => root!;
}

afterEach(() => {
  vi.restoreAllMocks();
  document.documentElement.querySelectorAll('kpi-lens-sidebar').forEach((element) => element.remove());
});

describe('the sidebar frame on the CRM page', () => {
  it("names its handle and grip in the rep's language, and again when the language changes", () => {
    // jsdom lays nothing out: no page control is under any point, so the handle keeps its own spot.
    if (!('elementsFromPoint' in document)) Object.defineProperty(document, 'elementsFromPoint', { value: () => [], configurable: true });
    const shadow = captureShadow();
    const frame = createSidebarFrame({ src: 'chrome-extension://x/sidebar.html', labels: FRAME_LABELS.ru, onToggle: () => {}, onResized: () => {} });
    const handle = () => shadow().querySelector('.handle')!;
    const grip = () => shadow().querySelector('[role="separator"]')!;
    frame.apply({ ...DEFAULT_UI_STATE, open: true });
    expect([handle().getAttribute('aria-label'), grip().getAttribute('aria-label')]).toEqual(['Свернуть KPI Lens', 'Изменить ширину KPI Lens']);
    frame.apply({ ...DEFAULT_UI_STATE, open: false });
    expect(handle().getAttribute('aria-label')).toBe('Открыть KPI Lens');
    frame.relabel(FRAME_LABELS.en);
    expect([handle().getAttribute('aria-label'), grip().getAttribute('aria-label')]).toEqual(['Open KPI Lens', 'Resize KPI Lens']);
    frame.remove();
  });
});
