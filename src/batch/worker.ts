/**
 * One `batch` worker thread (see pool.ts). nodejieba is a context-aware N-API addon (Napi::Addon):
 * each worker thread has its own instance, and loads jieba once, as it starts (and says { ready }
 * when done); the patched nodejieba hands every thread of the process the same dictionary, so only
 * the first worker's load builds it (~1.5 s); the others read and hash its files to find it (~70
 * ms; docs/install.md). After that every document costs only its analysis. Messages: { id, task }
 * in, { id, reply } out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InputError } from '../errors.js';
import { sourceFromBytes } from '../io/read.js';
import { ensureJieba } from '../segment/jieba.js';
import { jiebaIdf } from '../extract/keywords/idf.js';
import { processDocument } from './analyze-one.js';
import { formatRow, type BatchFormat } from './output.js';
import { TABLES } from './rows.js';

export interface WorkerTask {
  path: string;
  bytes: Uint8Array;
  sha256: string;
  maxBytes: number;
  userDicts: string[];
  keywords?: number;
  /** Rows come back as text in this format (formatting here keeps the main thread free). */
  format: BatchFormat;
}

/**
 * A document's rows as UTF-8 text, per table, and how many rows each holds. Bytes, not strings:
 * their buffers are handed to the pool's thread (transferred, not copied), which writes them as
 * they are; strings were copied twice on the way (out of this thread's heap, into the other's)
 * and, a report's figures being ~100 KB of text, left large objects for that thread's collector.
 */
export interface FormattedResult {
  text: { documents: Uint8Array; figures: Uint8Array; keywords: Uint8Array; slogans: Uint8Array };
  counts: { figures: number; keywords: number; slogans: number };
}

export type WorkerReply =
  | { ok: true; result: FormattedResult; loadMs: number }
  | { ok: false; code: string; message: string; loadMs: number };

let loaded = false;
/** The dictionary load not yet reported (it goes with the first reply). */
let unreportedLoadMs = 0;

/** Loads jieba (once) with these user dictionaries; later calls add new dictionaries' words. */
function load(userDicts: string[]): void {
  if (loaded) {
    ensureJieba({ userDicts });
    return;
  }
  const started = performance.now();
  ensureJieba({ userDicts });
  jiebaIdf(); // the IDF table every document's key phrases read (~0.25 s to parse)
  loaded = true;
  unreportedLoadMs = performance.now() - started;
}

/** Each encode makes a Uint8Array of its own (transferable; Buffer.from may share a pool's). */
const utf8 = new TextEncoder();

/** The buffers a reply's rows are in, to transfer with it. */
function transfers(reply: WorkerReply): ArrayBuffer[] {
  if (!reply.ok) return [];
  const { documents, figures, keywords, slogans } = reply.result.text;
  return [documents.buffer, figures.buffer, keywords.buffer, slogans.buffer] as ArrayBuffer[];
}

/** Rows as one text (a loop, not `rows.map` with an arrow made per document: docs/contributing.md). */
function formatRows(rows: Array<Record<string, unknown>>, columns: string[], format: BatchFormat): string {
  let text = '';
  for (const r of rows) text += formatRow(r, columns, format);
  return text;
}

export async function analyseTask(task: WorkerTask): Promise<WorkerReply> {
  let loadMs = 0;
  try {
    load(task.userDicts);
    loadMs = unreportedLoadMs;
    unreportedLoadMs = 0;
    const buf = Buffer.from(task.bytes.buffer, task.bytes.byteOffset, task.bytes.byteLength);
    const source = await sourceFromBytes(task.path, buf, { maxBytes: task.maxBytes });
    const result = processDocument(source, { segment: { userDicts: task.userDicts }, sha256: task.sha256, keywords: task.keywords });
    const format = task.format;
    return {
      ok: true,
      result: {
        text: {
          documents: utf8.encode(formatRow(result.document, TABLES.documents.columns, format)),
          figures: utf8.encode(formatRows(result.figures, TABLES.figures.columns, format)),
          keywords: utf8.encode(formatRows(result.keywords, TABLES.keywords.columns, format)),
          slogans: utf8.encode(formatRows(result.slogans, TABLES.slogans.columns, format)),
        },
        counts: { figures: result.figures.length, keywords: result.keywords.length, slogans: result.slogans.length },
      },
      loadMs,
    };
  } catch (err) {
    if (err instanceof InputError) return { ok: false, code: err.code, message: err.message, loadMs };
    const message = err instanceof Error ? err.message : String(err);
    return { ok: false, code: 'analysis-failed', message: `analysis failed: ${message.split('\n')[0]} (a bug: please report it)`, loadMs };
  }
}

/**
 * Documents are taken strictly one after the other, in the order they came (the pool posts the
 * next before this one is done). Each is claimed and released through the shared `state` cell
 * (pool.ts explains the protocol): a claim fails once the pool has retired this worker (a document
 * over the time limit), and whatever it still holds is skipped: the pool gave those to another.
 */
const held: Array<{ id: number; task: WorkerTask }> = [];
let draining = false;
const data = workerData as { state?: Int32Array; userDicts?: string[] } | null;
const state = data?.state;

async function drain(): Promise<void> {
  draining = true;
  while (held.length) {
    const msg = held.shift()!;
    if (state && Atomics.compareExchange(state, 0, 0, msg.id) !== 0) continue; // retired
    const reply = await analyseTask(msg.task);
    // released, or retired while in it (−id): then idle for good
    if (state && Atomics.compareExchange(state, 0, msg.id, 0) !== msg.id) Atomics.store(state, 0, -1);
    parentPort!.postMessage({ id: msg.id, reply }, transfers(reply));
  }
  draining = false;
}

if (parentPort) {
  // in a pool: load jieba now, while the pool reads and hashes the first documents, and say so
  // (a failure to load is left to the first document, which then reports it as its error)
  try {
    load(data?.userDicts ?? []);
  } catch {
    // analyseTask tries again and turns the failure into an error row
  }
  parentPort.postMessage({ ready: true });
  parentPort.on('message', (msg: { id: number; task: WorkerTask }) => {
    held.push(msg);
    if (!draining) void drain();
  });
}
