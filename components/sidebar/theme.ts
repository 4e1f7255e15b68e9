import { useEffect } from 'react';

export type Theme = 'light' | 'dark';

/**
 * The sidebar's theme: the rep's choice (settings.theme), else the CRM page's own theme when the
 * frame could tell it (passed in the frame's URL), else the system's (the CSS media query).
 */
export function useTheme(setting: 'auto' | Theme, pageTheme: Theme | undefined): void {
  useEffect(() => {
    const theme = setting !== 'auto' ? setting : pageTheme;
    const root = document.documentElement;
    if (theme) root.dataset.theme = theme;
    else delete root.dataset.theme;
  }, [setting, pageTheme]);
}

/** `?theme=dark|light` from the frame's URL, when the content script saw the page's theme. */
export function pageThemeOf(search: string): Theme | undefined {
  const value = new URLSearchParams(search).get('theme');
  return value === 'dark' || value === 'light' ? value : undefined;
}
