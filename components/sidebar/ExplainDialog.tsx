import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useI18n } from '../common/i18n';

export type ExplainDialogProps = { title: string; opener?: HTMLElement | null; onClose: () => void; children: ReactNode };

/**
 * The explain panels' dialog: a modal inside the sidebar, titled; focus moves in to its close button,
 * Tab stays in, Escape closes and focus returns to what opened it. The KPI and the forecast panels
 * fill it with their own content.
 */
export function ExplainDialog({ title, opener, onClose, children }: ExplainDialogProps) {
  const { t } = useI18n();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    close.current?.focus();
    return () => opener?.focus();
  }, [opener]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>('a[href], button:not([disabled]), [tabindex="0"]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first?.focus();
    }
  };

  return (
    <div className="explain-backdrop">
      <div ref={panel} className="explain" role="dialog" aria-modal="true" aria-labelledby="explain-title" onKeyDown={onKeyDown}>
        <div className="explain-head">
          <h2 id="explain-title">{title}</h2>
          <button ref={close} type="button" className="icon-button" aria-label={t('explain.close')} onClick={onClose}>
            ×
          </button>
        </div>
        {children}
      </div>
    </div>
  );
}
