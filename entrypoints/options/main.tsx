import { mountPage } from '../../components/common/mount';
import { Options } from '../../components/options/Options';
import '../../components/sidebar/sidebar.css';

mountPage(<Options />);
