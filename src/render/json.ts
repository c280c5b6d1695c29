/** JSON output: pretty JSON for `json`, one compact object per line for `jsonl`. */
import type { Dataset } from './dataset.js';

export function renderJson(payload: unknown): string {
  return JSON.stringify(payload, jsonReplacer, 2) + '\n';
}

export function renderJsonl(dataset: Dataset): string {
  return dataset.rows.map((row) => JSON.stringify(row, jsonReplacer)).join('\n') + (dataset.rows.length ? '\n' : '');
}

/** Typed arrays and Maps are not JSON: drop internal offset maps, turn Maps into objects. */
function jsonReplacer(_key: string, value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return undefined;
  if (value instanceof Map) return Object.fromEntries(value);
  if (value instanceof Set) return [...value];
  return value;
}
