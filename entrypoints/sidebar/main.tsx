import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/sidebar/sidebar.css';
import '../../components/sidebar/panels.css';

/** The sidebar inside the CRM tab: an extension page the content script frames. */
const source = new URLSearchParams(location.search).get('source') ?? 'demo';
createRoot(document.getElementById('root')!).render(<SidebarApp source={source} surface="frame" />);
