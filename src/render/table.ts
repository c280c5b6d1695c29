/**
 * Tables for people: cli-table3 measures East Asian wide characters as two
 * columns, so Chinese text lines up. Colour only when the Chalk instance given
 * has a colour level (the CLI decides: TTY, --no-color, NO_COLOR).
 */
import Table from 'cli-table3';
import type { ChalkInstance } from 'chalk';
import { cellText, type Dataset } from './dataset.js';

export interface TableOptions {
  chalk: ChalkInstance;
  /** Longest cell, in characters, before it is cut with … (0 = no limit). */
  maxCellWidth?: number;
}

export function renderTable(datasets: Dataset[], options: TableOptions): string {
  const { chalk } = options;
  const limit = options.maxCellWidth ?? 60;
  return datasets
    .map((d) => {
      const table = new Table({
        head: d.columns.map((c) => chalk.bold(c.header ?? c.key)),
        colAligns: d.columns.map((c) => c.align ?? 'left'),
        style: { head: [], border: [], compact: true },
        wordWrap: false,
      });
      for (const row of d.rows) {
        table.push(d.columns.map((c) => truncate(c.display ? c.display(row[c.key], row) : cellText(row[c.key]), limit)));
      }
      const title = d.title ? chalk.cyan.bold(d.title) + '\n' : '';
      const empty = d.rows.length === 0 ? chalk.dim('(none)') + '\n' : '';
      return title + (d.rows.length ? table.toString() + '\n' : empty);
    })
    .join('\n');
}

function truncate(text: string, limit: number): string {
  const oneLine = text.replace(/\n/g, '⏎');
  return limit > 0 && oneLine.length > limit ? oneLine.slice(0, limit - 1) + '…' : oneLine;
}
