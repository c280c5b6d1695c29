/** RFC 4180 CSV: comma separated, CRLF-free (LF), fields quoted when they hold , " or a line break. */
import { cellText, type Dataset } from './dataset.js';

export function csvField(value: unknown): string {
  // strings, numbers and null first: batch writes ~3,000 fields per report, and the text of a number
  // or a boolean never holds a comma, a quote or a line break (no test needed)
  if (typeof value === 'string') return quoted(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined) return cellText(value);
  return quoted(typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : cellText(value));
}

function quoted(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

export function renderCsv(dataset: Dataset): string {
  return csvLine(dataset.columns.map((c) => c.key)) + dataset.rows.map((row) => csvLine(dataset.columns.map((c) => row[c.key]))).join('');
}
