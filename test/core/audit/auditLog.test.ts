import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { auditCsv } from '../../../src/main/audit/AuditCsv';
import { AuditLog } from '../../../src/main/audit/AuditLog';
import { migrate } from '../../../src/main/store/Migrator';
import { migrations } from '../../../src/main/store/migrations';

function auditWithRows() {
  const db = new BetterSqlite3(':memory:');
  migrate(db, migrations);
  let clock = Date.UTC(2026, 6, 4, 10, 0, 0);
  const audit = new AuditLog(db, () => (clock += 60_000));
  const block = audit.begin({ operator: 'Mette Hansen', desk: 'Gate 3', action: 'block', productId: 11, uid: '04AA', reason: 'Lost 100%_sure' });
  audit.finish(block, 'done');
  const add = audit.begin({ operator: 'Jan', desk: 'Gate 3', action: 'add', productId: 12, uid: '04BB', reason: '=HYPERLINK("http://x")' });
  audit.finish(add, 'refused', { code: 'VM_TOKEN_ACTIVE_ELSEWHERE', serverMessage: 'Token is active on another product' });
  const comment = audit.begin({ operator: 'Søren Ærø', desk: 'Info', action: 'comment', productId: 11, reason: 'Guest, "VIP"; called\nback' });
  return { audit, ids: { block, add, comment } };
}

describe('AuditLog.query', () => {
  it('filters by operator, action, outcome (also "open"), text (product, UIDs, reason, server words) and time; newest first', () => {
    const { audit, ids } = auditWithRows();
    const ids_ = (entries: { id: number }[]) => entries.map((e) => e.id);
    expect(ids_(audit.query({}, 10))).toEqual([ids.comment, ids.add, ids.block]);
    expect(ids_(audit.query({ operator: 'mette' }, 10))).toEqual([ids.block]);
    expect(ids_(audit.query({ action: 'add' }, 10))).toEqual([ids.add]);
    expect(ids_(audit.query({ outcome: 'open' }, 10))).toEqual([ids.comment]);
    expect(ids_(audit.query({ outcome: 'refused' }, 10))).toEqual([ids.add]);
    expect(ids_(audit.query({ text: '11' }, 10))).toEqual([ids.comment, ids.block]);
    expect(ids_(audit.query({ text: '04bb' }, 10))).toEqual([ids.add]);
    expect(ids_(audit.query({ text: 'another product' }, 10))).toEqual([ids.add]);
    // % and _ typed by a person are letters, not wildcards.
    expect(ids_(audit.query({ text: '100%_' }, 10))).toEqual([ids.block]);
    expect(ids_(audit.query({ text: '1%1' }, 10))).toEqual([]);
    const second = audit.query({}, 10)[1]!;
    expect(ids_(audit.query({ from: second.at, to: second.at + 1 }, 10))).toEqual([ids.add]);
    expect(ids_(audit.query({}, 1, ids.comment))).toEqual([ids.add]);
  });
});

describe('auditCsv', () => {
  it('a header, one row per entry in venue time, quoting, and no spreadsheet formula left live', () => {
    const { audit } = auditWithRows();
    const { csv, rows } = auditCsv(audit.each({}), 'Europe/Copenhagen');
    expect(rows).toBe(3);
    expect(csv.startsWith('\uFEFFid,time (Europe/Copenhagen),finished (Europe/Copenhagen),operator,desk,action,product,uid,new_uid,reason_or_comment,outcome,error_code,server_message\r\n')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[1]).toBe('1,2026-07-04 12:01:00,2026-07-04 12:02:00,Mette Hansen,Gate 3,block,11,04AA,,Lost 100%_sure,done,,');
    expect(lines[2]).toContain(`,"'=HYPERLINK(""http://x"")",refused,VM_TOKEN_ACTIVE_ELSEWHERE,Token is active on another product`);
    expect(csv).toContain('"Guest, ""VIP""; called\nback",open,,');
    expect(csv).toContain('Søren Ærø');
  });
});
