import type { Database } from 'better-sqlite3';
import type { ScanEvent } from '../../shared/model';

const kept = 1000;

/** The most recent taps of every reader, kept for the reader test screen and support. */
export class ScanLog {
  private readonly insert;
  private readonly trim;
  private readonly clearAll;

  constructor(db: Database) {
    this.insert = db.prepare<[string, string, string, number]>(
      'INSERT INTO scan_log (reader_id, raw, uid, at) VALUES (?, ?, ?, ?)',
    );
    this.trim = db.prepare<[number]>('DELETE FROM scan_log WHERE id <= (SELECT max(id) FROM scan_log) - ?');
    this.clearAll = db.prepare('DELETE FROM scan_log');
  }

  /** Forgets every tap; returns how many there were. */
  clear(): number {
    return this.clearAll.run().changes;
  }

  record(scan: ScanEvent): void {
    const { lastInsertRowid } = this.insert.run(scan.readerId, scan.raw, scan.uid, scan.at);
    if (Number(lastInsertRowid) % 100 === 0) this.trim.run(kept);
  }
}
