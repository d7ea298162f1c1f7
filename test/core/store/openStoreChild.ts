// Child process for the concurrent-open test: waits for the shared start instant (so all
// children really open at once), opens the store in the folder given, then exits.
import { openStore } from '../../../src/main/store/Store';

const [dir, startAt] = process.argv.slice(2);
if (dir === undefined || startAt === undefined) process.exit(2);
// Sleep (without burning a core the other children and test workers need) until just before the
// instant, then spin the last milliseconds: a timer alone would add its own jitter.
const sleepMs = Number(startAt) - Date.now() - 20;
if (sleepMs > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, sleepMs);
while (Date.now() < Number(startAt)) {
  // spin
}
openStore(dir).close();
