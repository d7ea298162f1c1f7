import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/**
 * udev reports a malformed rule only in the journal and then ignores it, so a typo here would
 * surface at a festival as "reader not found". These checks are what the admin would otherwise
 * learn the hard way.
 */
const RULES_DIR = new URL('../../../resources/linux/', import.meta.url);
const RULES_NAME = '70-wristdesk-hidraw.rules';
const rulesText = readFileSync(new URL(RULES_NAME, RULES_DIR), 'utf8');

interface Assignment {
  key: string;
  op: string;
  value: string;
}

/** One `KEY op "value"` pair; the whole line must be a comma-separated list of them. */
const PAIR = /^([A-Z]+(?:\{[A-Za-z_]+\})?)(==|!=|\+=|-=|:=|=)"([^"\\]*)"$/;

function parseRule(line: string): Assignment[] | undefined {
  const pairs: Assignment[] = [];
  for (const part of line.split(',')) {
    const match = PAIR.exec(part.trim());
    if (match === null) return undefined;
    pairs.push({ key: match[1]!, op: match[2]!, value: match[3]! });
  }
  return pairs;
}

interface Rule {
  lineNumber: number;
  text: string;
  /** The comment line right above it (the reader's name), if any. */
  commentAbove: string | undefined;
}

function rules(text: string): Rule[] {
  const lines = text.split('\n');
  return lines.flatMap((line, index) => {
    if (line.trim() === '' || line.trimStart().startsWith('#')) return [];
    const above = lines[index - 1]?.trim();
    return [{ lineNumber: index + 1, text: line, commentAbove: above?.startsWith('#') === true ? above : undefined }];
  });
}

const HEX4 = /^[0-9a-f]{4}$/;

/** The problems of one rule line, in words, so a failure says which line and why. */
function problems(rule: Rule): string[] {
  const pairs = parseRule(rule.text);
  if (pairs === undefined) return ['is not a comma-separated list of KEY=="value" pairs'];
  const found: string[] = [];
  const only = (key: string) => pairs.filter((pair) => pair.key === key);
  const one = (key: string, op: string, check: (value: string) => boolean, wanted: string) => {
    const matches = only(key);
    if (matches.length !== 1 || matches[0]!.op !== op || !check(matches[0]!.value)) found.push(`needs exactly one ${key}${op}${wanted}`);
  };
  one('SUBSYSTEM', '==', (value) => value === 'hidraw', '"hidraw"');
  one('ATTRS{idVendor}', '==', (value) => HEX4.test(value), '"xxxx" (4 lowercase hex digits)');
  one('ATTRS{idProduct}', '==', (value) => HEX4.test(value), '"xxxx" (4 lowercase hex digits)');
  if (!pairs.some((pair) => pair.key === 'TAG' && pair.op === '+=' && pair.value === 'uaccess')) found.push('needs TAG+="uaccess"');
  // uaccess is the whole point: a mode or group would open the reader beyond the seat's user.
  for (const key of ['MODE', 'GROUP', 'OWNER']) if (only(key).length > 0) found.push(`must not set ${key}`);
  if (rule.commentAbove === undefined) found.push('needs a comment line right above it naming the reader');
  return found;
}

function ids(rule: Rule): string {
  const pairs = parseRule(rule.text) ?? [];
  const value = (key: string) => pairs.find((pair) => pair.key === key)?.value ?? '?';
  return `${value('ATTRS{idVendor}')}:${value('ATTRS{idProduct}')}`;
}

describe(RULES_NAME, () => {
  const found = rules(rulesText);

  it('has rules, each a hidraw match on one vendor:product pair granting uaccess, under a comment naming the reader', () => {
    expect(found.length).toBeGreaterThan(0);
    const report = found.flatMap((rule) => problems(rule).map((problem) => `line ${rule.lineNumber} ${problem}: ${rule.text}`));
    expect(report).toEqual([]);
  });

  it('includes the common "USB Reader" (ffff:0035) and names each pair once', () => {
    const pairs = found.map(ids);
    expect(pairs).toContain('ffff:0035');
    expect(new Set(pairs).size).toBe(pairs.length);
  });

  it('is the only rules file in resources/linux, and sorts before 73-seat-late.rules, which applies the uaccess tag', () => {
    const shipped = readdirSync(RULES_DIR).filter((name) => name.endsWith('.rules'));
    expect(shipped).toEqual([RULES_NAME]);
    expect([...shipped, '70-uaccess.rules', '73-seat-late.rules'].sort()).toEqual(['70-uaccess.rules', RULES_NAME, '73-seat-late.rules']);
  });

  it('catches the typos the checks exist for', () => {
    const checked = (text: string) => problems({ lineNumber: 1, text, commentAbove: '# A reader' });
    const good = 'SUBSYSTEM=="hidraw", ATTRS{idVendor}=="ffff", ATTRS{idProduct}=="0035", TAG+="uaccess"';
    expect(checked(good)).toEqual([]);
    expect(checked(good.replace('SUBSYSTEM==', 'SUBSYSTEM='))).not.toEqual([]);
    expect(checked(good.replace('"hidraw"', '"usb"'))).not.toEqual([]);
    expect(checked(good.replace('"ffff"', '"FFFF"'))).not.toEqual([]);
    expect(checked(good.replace('"0035"', '"035"'))).not.toEqual([]);
    expect(checked(good.replace('TAG+=', 'TAG='))).not.toEqual([]);
    expect(checked(good.replace('"uaccess"', '"uacess"'))).not.toEqual([]);
    expect(checked(good.replace('"uaccess"', '"uaccess'))).not.toEqual([]);
    expect(checked(`${good}, MODE="0666"`)).not.toEqual([]);
    expect(problems({ lineNumber: 1, text: good, commentAbove: undefined })).not.toEqual([]);
  });
});
