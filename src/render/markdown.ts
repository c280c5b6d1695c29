/** GitHub-flavoured Markdown tables, for pasting into papers and notes. */
import { cellText, type Dataset } from './dataset.js';

const escapeCell = (s: string) => s.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(datasets: Dataset[]): string {
  return datasets
    .map((d) => {
      const head = d.title ? `### ${d.title}\n\n` : '';
      const headers = d.columns.map((c) => escapeCell(c.header ?? c.key));
      const rule = d.columns.map((c) => (c.align === 'right' ? '---:' : '---'));
      const body = d.rows.map((row) => `| ${d.columns.map((c) => escapeCell(c.display ? c.display(row[c.key], row) : cellText(row[c.key]))).join(' | ')} |`);
      return `${head}| ${headers.join(' | ')} |\n| ${rule.join(' | ')} |\n${body.join('\n')}${body.length ? '\n' : ''}`;
    })
    .join('\n');
}
