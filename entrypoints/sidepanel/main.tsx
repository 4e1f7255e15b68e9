import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../../components/sidebar/SidebarApp';
import '../../components/sidebar/sidebar.css';

/** The same app in the browser's side panel; it shows the last CRM the rep used, else the demo data. */
const source = new URLSearchParams(location.search).get('source') ?? 'demo';
createRoot(document.getElementById('root')!).render(<SidebarApp source={source} surface="panel" />);
