/**
 * Stop-word lists, read once from the bundled dict/ files:
 *  - stopwords.txt: generic function words and punctuation;
 *  - boilerplate.txt: words every government report repeats (推进, 加快, 推动 …),
 *    which key-phrase work leaves out unless asked to keep them.
 * Lines starting with # are comments.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DICT_DIR } from './jieba.js';

let generic: Set<string> | null = null;
let boilerplate: Set<string> | null = null;

function readList(name: string): Set<string> {
  const text = readFileSync(join(DICT_DIR, name), 'utf8').replace(/^\uFEFF/, '');
  return new Set(text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
}

export function genericStopwords(): Set<string> {
  return (generic ??= readList('stopwords.txt'));
}

export function boilerplateWords(): Set<string> {
  return (boilerplate ??= readList('boilerplate.txt'));
}

export function isStopword(word: string, options: { boilerplate?: boolean } = {}): boolean {
  return genericStopwords().has(word) || (options.boilerplate === true && boilerplateWords().has(word));
}
