import { createRoot } from 'react-dom/client';
import { resolveLocale, translator } from '@/lib/i18n';
import { askEarly } from '../../components/sidebar/boot';
import { claimFrame } from '../../components/sidebar/frame-claim';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/sidebar/sidebar.css';
import '../../components/sidebar/panels.css';

/**
 * The sidebar inside the CRM tab: an extension page the content script frames. Framed by anything
 * else, it shows a notice instead (see frame-claim.ts); opened as a top-level page it is the app.
 */
performance.mark('kpi-lens:app-start');
const source = new URLSearchParams(location.search).get('source') ?? 'demo';
const root = createRoot(document.getElementById('root')!);
const framed = window.top !== window;
// The numbers are asked at once (read-only); the app shows once the frame is known to be ours.
askEarly(source);
void (framed ? claimFrame() : Promise.resolve(true)).then((ours) => {
  if (ours) root.render(<SidebarApp source={source} surface="frame" />);
  else
    root.render(
      <p className="not-ours" role="alert">
        {translator(resolveLocale('auto', navigator.language))('sidebar.notOurs')}
      </p>,
    );
});
