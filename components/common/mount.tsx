import { useEffect, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { resolveLocale } from '@/lib/i18n';
import { I18nProvider } from './i18n';
import { useSettings } from './use-storage';

function WithSettings({ children }: { children: ReactNode }) {
  const settings = useSettings();
  useEffect(() => {
    if (!settings) return;
    document.documentElement.lang = resolveLocale(settings.locale, navigator.language);
    // The rep's theme, as the sidebar follows it: `auto` is the system's (sidebar.css's media query).
    if (settings.theme === 'auto') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = settings.theme;
  }, [settings]);
  if (!settings) return null;
  const zone = settings.timeZone === 'auto' ? Intl.DateTimeFormat().resolvedOptions().timeZone : settings.timeZone;
  return (
    <I18nProvider locale={resolveLocale(settings.locale, navigator.language)} timeZone={zone}>
      {children}
    </I18nProvider>
  );
}

/** Mounts an extension page's React tree with the rep's language and time zone. */
export function mountPage(children: ReactNode): void {
  createRoot(document.getElementById('root')!).render(<WithSettings>{children}</WithSettings>);
}
