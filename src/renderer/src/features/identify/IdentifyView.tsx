import { IdentifyResultArea } from './IdentifyResultArea';
import { useGateKey } from './useGateKey';

/** The default view: the answer to the last tap. `G` opens the Gate view. */
export function IdentifyView() {
  useGateKey();
  return (
    <div className="identify">
      <IdentifyResultArea />
    </div>
  );
}
