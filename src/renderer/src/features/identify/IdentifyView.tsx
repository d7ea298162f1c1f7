import { selectIsDemo } from '../../store/selectors';
import { useAppStore } from '../../store/StoreProvider';
import { VirtualReaderPanel } from '../virtual-reader/VirtualReaderPanel';
import { IdentifyResultArea } from './IdentifyResultArea';

/** The default view: the answer to the last tap, and in demo mode a virtual reader beside it. */
export function IdentifyView() {
  const demo = useAppStore(selectIsDemo);
  return (
    <div className={demo ? 'identify identify--with-reader' : 'identify'}>
      <IdentifyResultArea />
      {demo && <VirtualReaderPanel />}
    </div>
  );
}
