import { mountPage } from '../../components/common/mount';
import { Popup } from '../../components/popup/Popup';
import '../../components/sidebar/sidebar.css';

mountPage(<Popup />);
