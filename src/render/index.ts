/** Renders datasets in the requested format. JSON gets the command's structured payload. */
import type { ChalkInstance } from 'chalk';
import { renderCsv } from './csv.js';
import type { Dataset, Format } from './dataset.js';
import { renderJson, renderJsonl } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderTable } from './table.js';

export * from './dataset.js';
export { renderCsv, csvLine, csvField } from './csv.js';
export { renderJson, renderJsonl } from './json.js';
export { renderMarkdown } from './markdown.js';
export { renderTable } from './table.js';

export interface RenderRequest {
  format: Format;
  /** Tables for people; the first is the primary one, used for csv and jsonl. */
  datasets: Dataset[];
  /** The full structured result for --format json. */
  json: unknown;
  chalk: ChalkInstance;
}

export function render(req: RenderRequest): string {
  switch (req.format) {
    case 'json':
      return renderJson(req.json);
    case 'jsonl':
      return renderJsonl(req.datasets[0] ?? { columns: [], rows: [] });
    case 'csv':
      return renderCsv(req.datasets[0] ?? { columns: [], rows: [] });
    case 'md':
      return renderMarkdown(req.datasets);
    case 'table':
      return renderTable(req.datasets, { chalk: req.chalk });
  }
}
