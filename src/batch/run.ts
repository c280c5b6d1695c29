/**
 * `batch`: many reports in, one dataset out.
 *
 * Flow: expand the inputs into a path-sorted list (inputs.ts) → read each document's bytes in that
 * order (files, or archive members in place) → hash them → hand them to a pool of worker threads
 * (worker.ts; jieba's dictionary is loaded once, by the first, and shared) → write each document's
 * rows as soon as it and every document before it are done (ordered.ts, output.ts). At most
 * `window` documents are between "read" and "written", so memory does not grow with the archive,
 * and the output order never depends on scheduling.
 *
 * Pool: worker threads (pool.ts), one jieba instance per thread on one shared dictionary; a slow
 * or crashing document becomes an error row and never stops or hangs the batch.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { InputError, UsageError } from '../errors.js';
import { DEFAULT_MAX_BYTES } from '../io/read.js';
import { readUserDict } from '../segment/jieba.js';
import { contentHash } from './analyze-one.js';
import { expandBatchInputs, readItems, type BatchItem } from './inputs.js';
import { OutputSet, ResumeSource, type BatchFormat } from './output.js';
import { createProgress } from './progress.js';
import { BatchPool, PoolClosedError, TaskTimeoutError } from './pool.js';
import { InOrder } from './ordered.js';
import type { FormattedResult, WorkerReply, WorkerTask } from './worker.js';


export interface BatchOptions {
  inputs: string[];
  /** Output folder; without it, JSON Lines of documents go to `stdout`. */
  out?: string;
  format?: BatchFormat;
  jobs?: number;
  bom?: boolean;
  resume?: boolean;
  maxBytes?: number;
  userDicts?: string[];
  /** Per-document time limit in ms (default 120 s); a document over it becomes an error row. */
  timeoutMs?: number;
  /** Key phrases per document (default 30). */
  keywords?: number;
  /** Progress bar on stderr. */
  progress?: boolean;
  /** Where documents go without `out` (default process.stdout). */
  stdout?: NodeJS.WritableStream;
  /** Called for each failed input (the CLI prints one line on stderr). */
  onError?: (path: string, error: { code: string; message: string }) => void;
  /** Called with notes for people (resume decisions). */
  onNote?: (message: string) => void;
  /** Stops the run early, as SIGINT does: finished rows are kept and files renamed. */
  signal?: AbortSignal;
  /**
   * Workers to use instead of starting `jobs` new ones (from `createBatchPool`; left running, so
   * several runs in one process load jieba only once per worker). Its user dictionaries win.
   */
  pool?: BatchPool;
}

/**
 * A pool of `jobs` analysis workers for `runBatch({ pool })`, loading jieba with `userDicts` as
 * they start; `await pool.close()` when done.
 */
export function createBatchPool(jobs = availableParallelism(), userDicts: string[] = []): BatchPool {
  return new BatchPool(jobs, userDicts);
}

export interface BatchSummary {
  /** Documents in the input (after expansion). */
  total: number;
  /** Documents analysed in this run. */
  processed: number;
  /** Documents skipped by --resume (their previous rows were kept). */
  resumed: number;
  failed: number;
  figures: number;
  keywords: number;
  slogans: number;
  /** Bytes of the documents read. */
  bytes: number;
  seconds: number;
  /** False when the run was stopped before the end. */
  complete: boolean;
  /** Slowest worker start (jieba dictionary + analyses), ms. */
  workerLoadMs: number;
  /** Written files (final names), empty without `out`. */
  files: string[];
}

type Outcome =
  | { kind: 'done'; item: BatchItem; result: FormattedResult }
  | { kind: 'resumed'; item: BatchItem }
  | { kind: 'failed'; item: BatchItem; code: string; message: string };

export async function runBatch(options: BatchOptions): Promise<BatchSummary> {
  const started = performance.now();
  const jobs = Math.max(1, options.jobs ?? availableParallelism());
  const userDicts = options.userDicts ?? [];
  for (const d of userDicts) readUserDict(d); // a bad --dict is a usage problem, found before any work

  if (!options.inputs.length) throw new UsageError('batch needs at least one input (files, folders, archives, globs, or --from LIST)');
  if (options.resume && !options.out) throw new UsageError('--resume needs --out DIR');

  // The first worker starts now and loads jieba while the inputs are listed (an archive is read
  // through to list it) and the outputs opened; the others start as documents arrive (so a batch of
  // one document starts one worker) and share the first one's dictionary. A --resume run starts
  // them only for a document that needs analysis (it may have none).
  let pool: BatchPool | null = options.pool ?? null;
  if (!pool && !options.resume) {
    pool = createBatchPool(jobs, userDicts);
    pool.start(1);
  }
  const ownPool = !options.pool;
  const getPool = () => (pool ??= createBatchPool(jobs, userDicts));
  try {
    return await runWithPool(options, getPool, options.pool?.size ?? jobs, started);
  } finally {
    if (pool && ownPool) await (pool as BatchPool).close();
  }
}

/** runBatch once the pool is settled (`workers`: its size; `started`: when the run began). */
async function runWithPool(options: BatchOptions, getPool: () => BatchPool, workers: number, started: number): Promise<BatchSummary> {
  const format = options.format ?? 'csv';
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const userDicts = options.userDicts ?? [];
  const timeoutMs = options.timeoutMs ?? 120_000;
  const items = await expandBatchInputs(options.inputs);
  const total = items.length;

  let outputs: OutputSet | null = null;
  let resume: ResumeSource | null = null;
  if (options.out) {
    try {
      mkdirSync(options.out, { recursive: true });
    } catch (err) {
      throw new UsageError(`cannot create --out ${options.out} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
    if (options.resume) {
      const opened = await ResumeSource.open(options.out, format);
      resume = opened.source;
      if (!resume) options.onNote?.(`--resume: nothing to resume (${opened.reason}); processing everything`);
      else options.onNote?.(`--resume: ${opened.source!.done.size} documents done before`);
    }
    try {
      outputs = new OutputSet(options.out, format, options.bom === true && format === 'csv');
    } catch (err) {
      throw new UsageError(`cannot write in --out ${options.out} (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
    }
  }
  const stdout = options.stdout ?? process.stdout;

  const summary: BatchSummary = {
    total,
    processed: 0,
    resumed: 0,
    failed: 0,
    figures: 0,
    keywords: 0,
    slogans: 0,
    bytes: 0,
    seconds: 0,
    complete: false,
    workerLoadMs: 0,
    files: [],
  };
  const progress = createProgress(options.progress === true && total > 0);
  const tick = () => progress.update({ done: summary.processed + summary.resumed + summary.failed, total, bytes: summary.bytes, failures: summary.failed, startedAt: started });

  let pool = null as BatchPool | null; // the pool, once a document needed it

  const analyse = (item: BatchItem, bytes: Buffer, sha256: string): Promise<Outcome> => {
    // an ArrayBuffer holding just these bytes: posting a view copies its whole buffer (an archive
    // reader's chunk, a pooled Buffer's slab)
    const owned = bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.byteLength ? bytes : Buffer.from(bytes);
    const u8 = new Uint8Array(owned.buffer, owned.byteOffset, owned.byteLength);
    const task: WorkerTask = { path: item.path, bytes: u8, sha256, maxBytes, userDicts, keywords: options.keywords, format: outputs ? format : 'jsonl' };
    pool = getPool();
    return pool
      .run(task, timeoutMs)
      .then(
        (reply: WorkerReply): Outcome => {
          summary.workerLoadMs = Math.max(summary.workerLoadMs, reply.loadMs);
          return reply.ok ? { kind: 'done', item, result: reply.result } : { kind: 'failed', item, code: reply.code, message: reply.message };
        },
        (err: unknown): Outcome => {
          if (err instanceof PoolClosedError) return { kind: 'failed', item, code: 'interrupted', message: 'not analysed: the run was stopped' };
          if (err instanceof TaskTimeoutError)
            return { kind: 'failed', item, code: 'timeout', message: `analysis took longer than ${timeoutMs / 1000} s and was stopped (see --timeout)` };
          const message = err instanceof Error ? err.message : String(err);
          return { kind: 'failed', item, code: 'analysis-failed', message: `analysis failed: ${message.split('\n')[0]} (a bug: please report it)` };
        },
      );
  };

  const write = async (o: Outcome): Promise<void> => {
    if (o.kind === 'failed') {
      summary.failed++;
      outputs?.writers.errors.writeRows([{ path: o.item.path, code: o.code, message: o.message }]);
      options.onError?.(o.item.path, o);
    } else if (o.kind === 'resumed') {
      summary.resumed++;
      for (const t of ['figures', 'keywords', 'slogans', 'documents'] as const) {
        const { text, count } = await resume!.rowsFor(t, o.item.path);
        outputs!.writers[t].writeText(text);
        outputs!.writers[t].rows += count;
        if (t !== 'documents') summary[t] += count;
      }
    } else {
      summary.processed++;
      const { text, counts } = o.result;
      summary.figures += counts.figures;
      summary.keywords += counts.keywords;
      summary.slogans += counts.slogans;
      if (outputs) {
        // a document's detail rows first, its documents row last: a documents row means "complete"
        for (const t of ['figures', 'keywords', 'slogans'] as const) {
          outputs.writers[t].writeText(text[t]);
          outputs.writers[t].rows += counts[t];
        }
        outputs.writers.documents.writeText(text.documents);
        outputs.writers.documents.rows++;
      } else {
        stdout.write(text.documents);
      }
    }
    tick();
  };

  // ---- the ordered pipeline
  const window = workers * 4;
  const order = new InOrder<Outcome>(write, options.signal);

  tick();
  try {
    const reader = readItems(items, maxBytes, () => readAllStdin(maxBytes));
    for await (const r of reader) {
      if (order.stopped) break;
      summary.bytes += 'bytes' in r ? r.bytes.length : 0;
      let p: Promise<Outcome>;
      if ('error' in r) p = Promise.resolve({ kind: 'failed', item: r.item, code: r.error.code, message: r.error.message });
      else {
        const sha256 = contentHash(r.bytes);
        if (resume?.isDone(r.item.path, sha256)) p = Promise.resolve({ kind: 'resumed', item: r.item });
        else p = analyse(r.item, r.bytes, sha256);
      }
      order.add(p);
      while (!order.stopped && order.inFlight >= window) if (!(await order.writeNext())) break;
    }
    while (!order.stopped && order.inFlight > 0) if (!(await order.writeNext())) break;
    if (order.stopped && pool) {
      // let the documents being analysed finish (never kill a busy worker), drop the queued ones
      pool.dropQueued();
      await pool.idle();
      await new Promise((r) => setImmediate(r));
    }
    // keep whatever finished, in order, up to the first gap
    await order.writeFinished((o) => !(o.kind === 'failed' && o.code === 'interrupted'));
    summary.complete = !order.stopped && order.written === total;
  } finally {
    progress.stop();
    // files first: whatever happens while the workers stop, the output is in place
    if (outputs) {
      outputs.commit();
      summary.files = ['documents', 'figures', 'keywords', 'slogans', 'errors'].map((t) => `${options.out}/${t}.${format}`);
    }
    summary.seconds = (performance.now() - started) / 1000;
  }
  return summary;
}

async function readAllStdin(maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin) {
    total += (chunk as Buffer).length;
    if (total > maxBytes) throw new InputError('-', 'too-large', `is over the ${(maxBytes / 1024 / 1024).toFixed(1)} MiB limit (see --max-size)`);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The one-line summary printed at the end of a run. */
export function summaryLine(s: BatchSummary): string {
  const mbps = s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0;
  const docs = s.processed + s.resumed;
  const parts = [
    `${docs} documents${s.resumed ? ` (${s.resumed} kept from before)` : ''}`,
    `${s.failed} failed`,
    `${s.figures} figures`,
    `${s.seconds.toFixed(1)} s`,
    `${mbps.toFixed(2)} MB/s`,
  ];
  return `batch: ${parts.join(', ')}${s.complete ? '' : ` — interrupted after ${docs + s.failed} of ${s.total}`}`;
}
