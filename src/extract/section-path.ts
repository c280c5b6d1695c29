/**
 * Where an offset sits in the document model, for output rows (slogans, kwic).
 * Uses the structure module's `sectionPathAt` (front/back matter and captions
 * are outside all sections). Pure: no segmentation.
 */
import { sectionLabel, sectionPathAt } from '../structure/index.js';
import type { PolicyDocument } from '../structure/types.js';

export interface SectionRef {
  /** Dotted id of the deepest section ("2.3"), null outside all sections or without a document model. */
  sectionId: string | null;
  /** Headings (without numbers) from level 1 to the deepest section, [] outside all sections. */
  sectionPath: string[];
}

export function sectionRefAt(doc: PolicyDocument | null | undefined, offset: number): SectionRef {
  if (!doc) return { sectionId: null, sectionPath: [] };
  const chain = sectionPathAt(doc, offset);
  return { sectionId: chain.length ? chain[chain.length - 1]!.id : null, sectionPath: chain.map(sectionLabel) };
}
