/**
 * The shape every command hands to the renderers: named columns and plain rows.
 * Commands build Datasets from analyses; renderers never know which command ran.
 */
export interface Column {
  key: string;
  /** Header shown in tables and Markdown; CSV and JSON use `key`. */
  header?: string;
  align?: 'left' | 'right';
  /** Optional display formatter for table/Markdown cells (CSV/JSON keep raw values). */
  display?: (value: unknown, row: Record<string, unknown>) => string;
}

export interface Dataset {
  /** Title printed above the table (tables and Markdown only). */
  title?: string;
  columns: Column[];
  rows: Array<Record<string, unknown>>;
}

export type Format = 'table' | 'json' | 'jsonl' | 'csv' | 'md';
export const FORMATS: Format[] = ['table', 'json', 'jsonl', 'csv', 'md'];

/** Text of a cell for human formats: null/undefined as empty, numbers without float noise. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    // at most 12 characters (no exponent): at most 12 significant digits, which 12-digit rounding
    // keeps as they are; toPrecision costs four times as much, and batch writes hundreds per report
    const text = String(value);
    return text.length <= 12 && !text.includes('e') ? text : String(Number(value.toPrecision(12)));
  }
  if (Array.isArray(value)) return value.map(cellText).join(' › ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
