import { createRoot } from 'react-dom/client';
import { askEarly } from '../../components/sidebar/boot';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/sidebar/sidebar.css';
import '../../components/sidebar/panels.css';

/** The same app in the browser's side panel; it shows the source in its URL, else the CRM the rep last used, else the demo data. */
const source = new URLSearchParams(location.search).get('source');
if (source) askEarly(source);
createRoot(document.getElementById('root')!).render(<SidebarApp source={source} surface="panel" />);
