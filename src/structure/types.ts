/**
 * The document model every analysis reads: the normalised text plus what the
 * structure step knows about it (sections, roles, years, marked passages,
 * sentences, metadata). Offsets are UTF-16 indexes into `source.text`
 * (the normalised text); `sourcePosition(doc.source, offset)` maps them back
 * to line/column of the original file.
 */
import type { SourceText } from '../io/read.js';

/** What a level-1 section is about. Level 2/3 sections inherit their level-1 role. */
export type SectionRole = 'review' | 'plan' | 'government' | 'other';

export interface Span {
  start: number;
  end: number;
}

export interface Section extends Span {
  /** Dotted position in the tree: "1", "2.3", "2.3.1". Stable within a document. */
  id: string;
  level: 1 | 2 | 3;
  /** The number as written ("一、", "（三）", "1.", "第一部分"), null for lead sentences and implicit sections. */
  number: string | null;
  /** Heading text without its number ("2024年工作安排", "着力转方式、调结构，产业转型步伐持续加快。"). */
  heading: string;
  /** Offsets of the heading text (number included) in the normalised text. */
  headingStart: number;
  headingEnd: number;
  /** True for a section the report does not open with a heading (e.g. a review that starts straight away). */
  implicit: boolean;
  role: SectionRole;
  /** The year the section is about (2023 for a review of 2023, 2024 for the 2024 plan), null when unknown. */
  year: number | null;
  /** For sections about several years (过去五年工作回顾, “十三五”时期主要目标任务): the first and last year. Absent otherwise. */
  years?: { from: number; to: number };
  children: Section[];
}

/** Passages that carry headline figures. */
export type PassageKind = 'targets' | 'results';

export interface Passage extends Span {
  /** `targets`: the main expected targets (主要预期目标 …); `results`: the opening summary of last year's results. */
  kind: PassageKind;
  /** The year the passage's figures are about. */
  year: number | null;
}

export type MetadataSource = 'text' | 'path' | 'option' | null;

export interface DocumentMetadata {
  path: string;
  encoding: SourceText['encoding'];
  format: SourceText['format'];
  bytes: number;
  title: string | null;
  /** Issuing place or body: 柳州市, 国务院, 广西壮族自治区, 海拉尔区 … null when it cannot be told. */
  place: string | null;
  /** The year whose targets the report sets (normally the year it is delivered). */
  planYear: number | null;
  /** The year whose results it reviews (normally planYear − 1). */
  reviewYear: number | null;
  /** ISO date (YYYY-MM-DD) from a subtitle such as ——2024年3月5日在…会议上, or null. */
  deliveredOn: string | null;
  /** Characters of normalised text (line breaks not counted). */
  chars: number;
  sentences: number;
  /** Where each of place / planYear came from. */
  provenance: { place: MetadataSource; planYear: MetadataSource; reviewYear?: MetadataSource };
  /** Things that could not be determined, in words, for the user. */
  notes: string[];
}

export interface PolicyDocument {
  source: SourceText;
  metadata: DocumentMetadata;
  /** Level-1 sections with their children, in order. Front and back matter are outside all sections. */
  sections: Section[];
  /** Title, subtitle, bylines, photo captions, web chrome before the body. */
  frontMatter: Span[];
  /** 相关报道, source notes and the like after the body. */
  backMatter: Span[];
  passages: Passage[];
  /** Sentences of the body and front/back matter, in order, non-overlapping. */
  sentences: Span[];
  /** Body text before the first level-1 heading that is no section of its own (各位代表：现在，我代表…), or null. */
  opening?: Span | null;
  /** Photo captions standing inside the body; outside every section like front matter. */
  asides?: Span[];
}
