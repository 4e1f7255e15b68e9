import { mountPage } from '../../components/common/mount';
import { SummaryApp } from '../../components/summary/SummaryApp';
import '../../components/sidebar/sidebar.css';
import '../../components/summary/summary.css';

mountPage(<SummaryApp />);
