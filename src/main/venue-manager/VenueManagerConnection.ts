import type { SampleWristband } from '../../shared/model';
import type { Settings } from '../../shared/settings';
import type { SecretStore } from '../secrets/SecretStore';
import { VenueManagerSimulator, generateDemoData, pickSampleWristbands } from '../venue-manager-simulator';
import type { RecordedRequest } from '../venue-manager-simulator';
import { venueManagerAuthHeaders } from './authHeaders';
import { VenueManagerClient } from './VenueManagerClient';
import type { RequestOutcome } from './VenueManagerClient';

export interface VenueManagerConnectionOptions {
  secrets: SecretStore;
  demoSeed: number;
  onOutcome: (outcome: RequestOutcome) => void;
  /** Every request the demo simulator receives (`serve --demo-request-log`): what the desk would send. */
  onDemoRequest?: (request: RecordedRequest) => void;
}

/**
 * The client for whatever Venue Manager the settings point at. With no base URL configured it
 * starts the simulator in-process on 127.0.0.1 with demo data: the app is usable out of the box
 * and says "demo" everywhere.
 */
export class VenueManagerConnection {
  private client: VenueManagerClient | undefined;
  private simulator: VenueManagerSimulator | undefined;
  private samples: SampleWristband[] = [];
  private demoUrl = '';
  private configuredFor = '';
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly options: VenueManagerConnectionOptions) {}

  get demo(): boolean {
    return this.simulator !== undefined;
  }

  sampleWristbands(): readonly SampleWristband[] {
    return this.demo ? this.samples : [];
  }

  current(): VenueManagerClient {
    if (this.client === undefined) throw new Error('VenueManagerConnection used before configure()');
    return this.client;
  }

  /**
   * Applies settings; a no-op when nothing relevant changed. Calls run one after another (two
   * quick saves must end on the last one), and the new client is in place before the old one
   * closes, so a lookup in between never meets a closed client.
   */
  configure(settings: Settings['venueManager']): Promise<void> {
    const next = this.queue.then(() => this.apply(settings));
    this.queue = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    await this.queue;
    const client = this.client;
    this.client = undefined;
    await client?.close();
    await this.stopDemo();
  }

  private async apply(settings: Settings['venueManager']): Promise<void> {
    const key = JSON.stringify(settings);
    if (key === this.configuredFor && this.client !== undefined) return;
    const previous = this.client;
    if (settings.baseUrl === '') {
      const baseUrl = await this.startDemo();
      this.client = new VenueManagerClient({ baseUrl, authHeaders: () => ({}), onOutcome: this.options.onOutcome });
    } else {
      const auth = settings;
      this.client = new VenueManagerClient({
        baseUrl: settings.baseUrl,
        authHeaders: () => venueManagerAuthHeaders(auth, this.options.secrets),
        onOutcome: this.options.onOutcome,
      });
    }
    this.configuredFor = key;
    await previous?.close();
    if (settings.baseUrl !== '') await this.stopDemo();
  }

  private async startDemo(): Promise<string> {
    if (this.simulator === undefined) {
      const data = generateDemoData({ seed: this.options.demoSeed });
      this.samples = pickSampleWristbands(data);
      this.simulator = new VenueManagerSimulator({ data, errorBodyStyle: 'documented', recordRequests: false, ...(this.options.onDemoRequest === undefined ? {} : { onRequest: this.options.onDemoRequest }) });
      this.demoUrl = await this.simulator.start(0);
    }
    return this.demoUrl;
  }

  private async stopDemo(): Promise<void> {
    const simulator = this.simulator;
    this.simulator = undefined;
    this.samples = [];
    await simulator?.stop();
  }
}
