import { createRoot } from 'react-dom/client';
import { askEarly } from '../../components/sidebar/boot';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/sidebar/sidebar.css';
import '../../components/sidebar/panels.css';

/** The sidebar inside the CRM tab: an extension page the content script frames. */
performance.mark('kpi-lens:app-start');
const source = new URLSearchParams(location.search).get('source') ?? 'demo';
askEarly(source);
createRoot(document.getElementById('root')!).render(<SidebarApp source={source} surface="frame" />);
