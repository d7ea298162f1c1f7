// Child process for the concurrent-open test: waits for the shared start instant (so all
// children really open at once), opens the store in the folder given, then exits.
import { openStore } from '../../../src/main/store/Store';

const [dir, startAt] = process.argv.slice(2);
if (dir === undefined || startAt === undefined) process.exit(2);
while (Date.now() < Number(startAt)) {
  // spin: a timer would add its own jitter
}
openStore(dir).close();
