/** RFC 4180 CSV: comma separated, CRLF-free (LF), fields quoted when they hold , " or a line break. */
import { cellText, type Dataset } from './dataset.js';

export function csvField(value: unknown): string {
  const text = value !== null && typeof value === 'object' && !Array.isArray(value) ? JSON.stringify(value) : cellText(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: unknown[]): string {
  return values.map(csvField).join(',') + '\n';
}

export function renderCsv(dataset: Dataset): string {
  return csvLine(dataset.columns.map((c) => c.key)) + dataset.rows.map((row) => csvLine(dataset.columns.map((c) => row[c.key]))).join('');
}
