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
  insertWord(word: string, tag?: string): boolean;
  DEFAULT_IDF_DICT: string;
}

const require = createRequire(import.meta.url);

/** Folder of the bundled dictionaries (dict/ at the package root, from src/ or dist/). */
export const DICT_DIR = fileURLToPath(new URL('../../dict/', import.meta.url));
export const POLICY_DICT = join(DICT_DIR, 'policy.dict.txt');
/**
 * A one-line IDF file for nodejieba's own keyword extractor, which policytext never calls (key
 * phrases use our tokens and read jieba's idf.utf8 themselves, extract/keywords/idf.ts). Loading
 * the real 6 MB table into cppjieba costs ~0.25 s and ~30 MB per process or batch worker for nothing.
 */
const UNUSED_EXTRACT_IDF = join(DICT_DIR, 'jieba-extract-idf.stub.utf8');

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
      tagCache.clear(); // new words can change what a word's tag is
    }
    return jieba;
  }
  const started = performance.now();
  const lib = require('nodejieba') as NodeJieba;
  const cleaned = wanted.map((p) => writeCleanDict(p));
  lib.load({ userDict: [POLICY_DICT, ...cleaned].join('|'), idfDict: UNUSED_EXTRACT_IDF });
  loadMs = performance.now() - started;
  jieba = lib;
  loadedWith = [...wanted];
  return lib;
}

/**
 * Words and their part of speech, as `jieba.tag(text)` gives them, but faster.
 *
 * `tag` is `cut` (HMM on, the same segmentation) followed by a dictionary lookup per word
 * (cppjieba's PosTagger::LookupTag: the word's dictionary tag, else m/eng/x by its characters),
 * and its JS objects make it about twice as slow as `cut`. The lookup does not depend on the
 * context, so the tag of each word is asked once (`tag(word)`) and cached for the process. A
 * dictionary word that jieba splits when it stands alone (更多 → 更|多) cannot be asked that way;
 * for those few, the whole text is tagged once and the tag read at the word's place.
 */
export function cutWithTags(text: string): { words: string[]; tags: string[] } {
  const lib = ensureJieba();
  const words = lib.cut(text, true);
  const tags = new Array<string>(words.length);
  let unknown = false;
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    let known = tagCache.get(word);
    if (known === undefined) {
      const alone = lib.tag(word);
      if (alone.length === 1 && alone[0]!.word === word) known = rememberTag(word, alone[0]!.tag);
      else {
        unknown = true;
        continue;
      }
    }
    // the cached string, not jieba's fresh copy: the fresh one dies young, and the maps keyed by
    // words downstream (features, counts, IDF) compare the same string object at once
    words[i] = known.word;
    tags[i] = known.tag;
  }
  if (!unknown) return { words, tags };
  const full = lib.tag(text);
  // cut and tag segment alike; should they ever differ, tag's own answer is the truth
  if (full.length !== words.length || full.some((t, i) => t.word !== words[i])) return { words: full.map((t) => t.word), tags: full.map((t) => t.tag) };
  for (let i = 0; i < words.length; i++) if (tags[i] === undefined) tags[i] = rememberTag(words[i]!, full[i]!.tag).tag;
  return { words, tags };
}

/** A word as jieba's dictionary knows it, with its tag. */
interface KnownWord {
  word: string;
  tag: string;
}

/** Tags by word, for this process's dictionary (cleared when words are added). */
const tagCache = new Map<string, KnownWord>();
const TAG_CACHE_LIMIT = 500_000;

function rememberTag(word: string, tag: string): KnownWord {
  // a batch of thousands of reports keeps meeting new names; start again rather than grow forever
  if (tagCache.size >= TAG_CACHE_LIMIT) tagCache.clear();
  const known = { word, tag };
  tagCache.set(word, known);
  return known;
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
