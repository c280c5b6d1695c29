/**
 * Turning command-line arguments into a list of report files.
 * A directory contributes its report files (see REPORT_EXTENSIONS), recursively,
 * in sorted order; "-" is standard input. Problems are returned in place, not
 * thrown, so one bad argument never stops the others.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { REPORT_EXTENSIONS } from './formats.js';

export type InputEntry = { path: string } | { path: string; error: InputError };

const isReportFile = (name: string) => REPORT_EXTENSIONS.some((ext) => name.toLowerCase().endsWith(ext));

export async function expandInputs(args: string[]): Promise<InputEntry[]> {
  const entries: InputEntry[] = [];
  for (const arg of args) {
    if (arg === '-') {
      entries.push({ path: '-' });
      continue;
    }
    let info;
    try {
      info = await stat(arg);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      const why = code === 'ENOENT' ? 'no such file or directory' : code === 'EACCES' ? 'permission denied' : `cannot be read (${code})`;
      entries.push({ path: arg, error: new InputError(arg, code === 'ENOENT' ? 'not-found' : 'unreadable', why) });
      continue;
    }
    if (!info.isDirectory()) {
      entries.push({ path: arg });
      continue;
    }
    const before = entries.length;
    await walk(arg, entries);
    const found = entries.slice(before).some((e) => !('error' in e));
    if (!found && entries.length === before) {
      entries.push({ path: arg, error: new InputError(arg, 'no-reports', `directory has no report files (${REPORT_EXTENSIONS.join(' ')})`) });
    }
  }
  return entries;
}

async function walk(dir: string, out: InputEntry[], depth = 0): Promise<void> {
  if (depth > 64) {
    out.push({ path: dir, error: new InputError(dir, 'unreadable', 'directory nesting deeper than 64 levels') });
    return;
  }
  let names: string[];
  try {
    names = (await readdir(dir)).sort();
  } catch (err) {
    out.push({ path: dir, error: new InputError(dir, 'unreadable', `directory cannot be read (${(err as NodeJS.ErrnoException).code})`) });
    return;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    let info;
    try {
      info = await stat(full);
    } catch (err) {
      if (isReportFile(name)) {
        const code = (err as NodeJS.ErrnoException).code;
        out.push({ path: full, error: new InputError(full, 'unreadable', code === 'ENOENT' ? 'broken symbolic link' : `cannot be read (${code})`) });
      }
      continue;
    }
    if (info.isDirectory()) await walk(full, out, depth + 1);
    else if (info.isFile() && isReportFile(name)) out.push({ path: full });
  }
}
