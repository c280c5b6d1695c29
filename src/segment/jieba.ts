/**
 * The one place that touches nodejieba.
 *
 * nodejieba keeps one global dictionary per process and `load()` works once, so
 * this module loads it lazily on the first segmentation, with the bundled policy
 * dictionary plus any user dictionaries, and never again. Commands that do not
 * segment (info, outline) never import a path that calls `ensureJieba`, and so
 * never pay the dictionary load (about a second).
 */
import { createRequire } from 'node:module';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../errors.js';

export interface JiebaTag {
  word: string;
  tag: string;
}

interface NodeJieba {
  load(options?: { dict?: string; hmmDict?: string; userDict?: string; idfDict?: string; stopWordDict?: string }): void;
  cut(text: string, hmm?: boolean): string[];
  tag(text: string): JiebaTag[];
  extract(text: string, topN: number): Array<{ word: string; weight: number }>;
  textRankExtract(text: string, topN: number): Array<{ word: string; weight: number }>;
  insertWord(word: string, tag?: string): boolean;
  DEFAULT_IDF_DICT: string;
}

const require = createRequire(import.meta.url);

/** Folder of the bundled dictionaries (dict/ at the package root, from src/ or dist/). */
export const DICT_DIR = fileURLToPath(new URL('../../dict/', import.meta.url));
export const POLICY_DICT = join(DICT_DIR, 'policy.dict.txt');

let jieba: NodeJieba | null = null;
let loadedWith: string[] = [];
let loadMs = 0;

export interface JiebaOptions {
  /** Extra user dictionaries in jieba format (`word [freq] [tag]`). */
  userDicts?: string[];
}

/** Loads nodejieba once. Later calls with different user dictionaries add their words with insertWord. */
export function ensureJieba(options: JiebaOptions = {}): NodeJieba {
  const wanted = options.userDicts ?? [];
  if (jieba) {
    for (const path of wanted.filter((p) => !loadedWith.includes(p))) {
      // the native binding rejects an undefined tag argument, so pass one only when the entry has it
      for (const entry of readUserDict(path)) (entry.tag ? jieba.insertWord(entry.word, entry.tag) : jieba.insertWord(entry.word));
      loadedWith.push(path);
    }
    return jieba;
  }
  const started = performance.now();
  const lib = require('nodejieba') as NodeJieba;
  const cleaned = wanted.map((p) => writeCleanDict(p));
  lib.load({ userDict: [POLICY_DICT, ...cleaned].join('|') });
  loadMs = performance.now() - started;
  jieba = lib;
  loadedWith = [...wanted];
  return lib;
}

export function jiebaLoadMilliseconds(): number {
  return loadMs;
}

export function jiebaIdfPath(): string {
  return (require('nodejieba') as NodeJieba).DEFAULT_IDF_DICT;
}

interface DictEntry {
  word: string;
  freq?: number;
  tag?: string;
}

/**
 * Reads a user dictionary leniently: UTF-8 with or without BOM, CRLF or LF,
 * `word`, `word freq`, `word tag` or `word freq tag`; blank lines and `#` comments skipped.
 */
export function readUserDict(path: string): DictEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new InputError(path, code === 'ENOENT' ? 'not-found' : 'unreadable', `dictionary cannot be read (${code})`);
  }
  return parseUserDict(text.replace(/^\uFEFF/, ''));
}

export function parseUserDict(text: string): DictEntry[] {
  const entries: DictEntry[] = [];
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const [word, second, third] = line.split(/\s+/);
    if (!word) continue;
    if (second !== undefined && /^\d+(?:\.\d+)?$/.test(second)) entries.push({ word, freq: Number(second), tag: third });
    else entries.push({ word, tag: second });
  }
  return entries;
}

/** cppjieba is strict about its user-dictionary format, so hand it a cleaned copy. */
function writeCleanDict(path: string): string {
  const entries = readUserDict(path);
  const dir = mkdtempSync(join(tmpdir(), 'policytext-dict-'));
  const out = join(dir, 'user.dict.utf8');
  // cppjieba reads 2 fields as "word tag" and 3 as "word freq tag": a frequency needs a tag.
  const line = (e: DictEntry) => (e.freq !== undefined ? `${e.word} ${e.freq} ${e.tag ?? 'n'}` : e.tag ? `${e.word} ${e.tag}` : e.word);
  writeFileSync(out, entries.map(line).join('\n') + '\n');
  return out;
}
