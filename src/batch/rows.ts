/**
 * The rows `batch` writes: their columns (the CSV header order and the JSON Lines keys) are a
 * documented output contract (README, "batch").
 */

export type Row = Record<string, unknown>;

export interface OutputTable {
  /** File name without extension: documents, figures, keywords, slogans, errors. */
  name: TableName;
  columns: string[];
}

export type TableName = 'documents' | 'figures' | 'keywords' | 'slogans' | 'errors';

/** Columns every per-document row starts with, so each file can be joined and grouped on its own. */
export const KEY_COLUMNS = ['path', 'place', 'planYear'] as const;

export const DOCUMENT_COLUMNS = [
  'path',
  'place',
  'planYear',
  'reviewYear',
  'title',
  'deliveredOn',
  'placeSource',
  'yearSource',
  'format',
  'encoding',
  'bytes',
  'chars',
  'paragraphs',
  'sentences',
  'sections',
  'figures',
  'headlineFigures',
  'keywords',
  'slogans',
  'sha256',
];

export const FIGURE_COLUMNS = [
  ...KEY_COLUMNS,
  'kind',
  'year',
  'indicator',
  'canonical',
  'measure',
  'direction',
  'value',
  'valueMax',
  'unit',
  'scaled',
  'scaledUnit',
  'qualifier',
  'bound',
  'commitment',
  'headline',
  'text',
  'sentence',
  'section',
  'sectionId',
  'offset',
  'line',
  'column',
  'warning',
];

export const KEYWORD_COLUMNS = [...KEY_COLUMNS, 'rank', 'term', 'tag', 'weight', 'count', 'per10k'];

export const SLOGAN_COLUMNS = [...KEY_COLUMNS, 'term', 'class', 'count', 'mentions', 'line', 'column', 'sectionId', 'section'];

export const ERROR_COLUMNS = ['path', 'code', 'message'];

export const TABLES: Record<TableName, OutputTable> = {
  documents: { name: 'documents', columns: DOCUMENT_COLUMNS },
  figures: { name: 'figures', columns: FIGURE_COLUMNS },
  keywords: { name: 'keywords', columns: KEYWORD_COLUMNS },
  slogans: { name: 'slogans', columns: SLOGAN_COLUMNS },
  errors: { name: 'errors', columns: ERROR_COLUMNS },
};

/** Everything `batch` learns from one document. */
export interface DocumentResult {
  document: Row;
  figures: Row[];
  keywords: Row[];
  slogans: Row[];
}
