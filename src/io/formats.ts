/**
 * Container formats: which files count as reports, and how each gives up its text.
 * HTML goes through html-to-text (a real parser: scripts, styles and hidden
 * markup vanish; block elements become line breaks). .docx goes through mammoth.
 */
// html-to-text and mammoth are loaded on first use: importing them costs over a second of
// start-up on this class of machine, and most inputs are plain text.

export type SourceFormat = 'text' | 'html' | 'docx';

/** File extensions picked up when a directory is given as input. */
export const REPORT_EXTENSIONS = ['.txt', '.text', '.html', '.htm', '.docx'] as const;

export function formatOf(path: string): SourceFormat {
  const lower = path.toLowerCase();
  if (lower.endsWith('.html') || lower.endsWith('.htm') || lower.endsWith('.xhtml')) return 'html';
  if (lower.endsWith('.docx')) return 'docx';
  return 'text';
}

/** Cheap check for HTML arriving without an .html name (stdin, .txt saved from a browser). */
export function looksLikeHtml(text: string): boolean {
  return /^\s*(?:<!doctype html|<html[\s>]|<head[\s>]|<body[\s>])/i.test(text.slice(0, 1024));
}

export async function htmlToText(html: string): Promise<string> {
  const { convert } = await import('html-to-text');
  return convert(html, {
    wordwrap: false,
    preserveNewlines: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'script', format: 'skip' },
      { selector: 'style', format: 'skip' },
      { selector: 'nav', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'h5', options: { uppercase: false } },
      { selector: 'h6', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  });
}

export async function docxToText(buf: Buffer): Promise<string> {
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.extractRawText({ buffer: buf });
  return result.value;
}
