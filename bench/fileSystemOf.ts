import { execFileSync } from 'node:child_process';

/**
 * The file system a folder is on (ext4, tmpfs, …), or 'unknown' where findmnt is missing: printed
 * beside disk-bound figures, since fsync on tmpfs costs nothing. Mounts stacked on one folder give
 * a line each, the one in effect last.
 */
export function fileSystemOf(path: string): string {
  try {
    const lines = execFileSync('findmnt', ['-n', '-o', 'FSTYPE', '-T', path], { encoding: 'utf8' }).trim().split('\n');
    return lines.at(-1)?.trim() || 'unknown';
  } catch {
    return 'unknown';
  }
}
