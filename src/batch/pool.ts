/**
 * The worker-thread pool of `batch`.
 *
 * Threads, because nodejieba is a context-aware N-API addon (Napi::Addon): each thread loads its
 * own copy and dictionary, once, and then analyses any number of documents.
 *
 * Hand-written rather than piscina (tried first) or tinypool for one reason: those pools stop a
 * timed-out or cancelled task by terminating its worker at once, and terminating a thread while it
 * is inside a nodejieba call aborts the whole process (node-addon-api throws a C++ Napi::Error that
 * nothing catches → std::terminate). So this pool never terminates a busy worker during a run:
 *  - a document over the time limit fails (an error row); its worker is *retired* — it gets no
 *    more work, a fresh worker takes its place, and it is terminated once it is idle (safe);
 *  - stopping (SIGINT) lets running documents finish (and the one each worker holds next: at most
 *    two per worker) and drops the queued ones;
 *  - `close()` terminates idle workers; a worker still stuck at the very end is terminated last,
 *    after the output files have been committed.
 * A worker that dies (uncaught error, out of memory) fails its document and is replaced.
 *
 * Each worker holds up to PREFETCH documents: the one it is analysing and the next, which it
 * starts as soon as it has posted the previous reply, without waiting for this thread to answer
 * (the wait left workers idle ~4% of a batch). The worker takes them strictly one after the other
 * (worker.ts), and which one it is in is shared through one Int32Array cell (`state`):
 *  - 0: between documents; the worker claims document `id` by compare-and-swap 0 → id, and
 *    releases it (id → 0) before posting its reply;
 *  - id > 0: analysing document `id`;
 *  - −id: retired while analysing `id` (this thread swapped id → −id on a time-out); the worker
 *    sets −1 when done with it;
 *  - −1: retired and idle: the worker can claim nothing more, so terminating it is safe.
 * A document whose timer fires counts as over time only if the worker is still in it (the cell
 * says so at that instant); otherwise its reply is already on the way. A retired worker is
 * terminated only once the cell says −1, never inside nodejieba; the documents it held and never
 * claimed go back to the queue. That is also why documents are copied to workers, not
 * transferred: one may need posting twice. The time limit of a held document starts when the
 * reply before it comes back.
 *
 * A worker loads jieba as soon as it starts (with the pool's user dictionaries) and says when it
 * is ready; time limits count from then, so they measure the analysis, not the dictionary load.
 * Workers are started as documents arrive (at most one per document in flight, at most `size`),
 * or ahead of them with start().
 */
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { WorkerReply, WorkerTask } from './worker.js';

/** The compiled worker (dist/batch/worker.js), also when this module runs from src/ under tests. */
export const WORKER_FILE = fileURLToPath(new URL('../../dist/batch/worker.js', import.meta.url));

export class TaskTimeoutError extends Error {
  constructor(ms: number) {
    super(`took longer than ${ms / 1000} s`);
    this.name = 'TaskTimeoutError';
  }
}

export class PoolClosedError extends Error {
  constructor() {
    super('the pool was stopped');
    this.name = 'PoolClosedError';
  }
}

interface Job {
  id: number;
  task: WorkerTask;
  timeoutMs: number;
  resolve: (reply: WorkerReply) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  /** Posted to the worker and not answered yet, in order: jobs[0] is the one being analysed. */
  jobs: Job[];
  /** Shared with the worker: the document it is in, or retired (see the module comment). */
  state: Int32Array;
  /** jieba loaded (the worker said so); until then no time limit runs and it is not terminated. */
  ready: boolean;
  dead: boolean;
}

/** Retired (a document over the time limit): told by its shared state, −id or −1. */
function retired(slot: Slot): boolean {
  return Atomics.load(slot.state, 0) < 0;
}

/** Documents a worker holds at once (the one it analyses, the next ones). */
const PREFETCH = 2;

export class BatchPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;
  /** close() has begun: no more workers are started. */
  private closing = false;

  /**
   * @param size workers
   * @param userDicts user dictionaries the workers load with jieba at start (documents asking for
   *   others add those words on their first use)
   */
  constructor(
    readonly size: number = availableParallelism(),
    readonly userDicts: string[] = [],
  ) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive whole number, got ${size}`);
  }

  /** Workers that take work (not counting retired ones). */
  private get active(): Slot[] {
    return this.slots.filter((s) => !retired(s) && !s.dead);
  }

  /** Starts up to `count` workers now (they load jieba while the caller prepares the documents). */
  start(count = 1): void {
    if (this.closed || this.closing) return;
    while (this.active.length < Math.min(count, this.size)) this.spawn();
  }

  private spawn(): Slot {
    const state = new Int32Array(new SharedArrayBuffer(4));
    const worker = new Worker(WORKER_FILE, { workerData: { state, userDicts: this.userDicts } });
    const slot: Slot = { worker, jobs: [], state, ready: false, dead: false };
    worker.on('message', (msg: { id: number; reply: WorkerReply } | { ready: true }) => ('ready' in msg ? this.ready(slot) : this.finished(slot, msg)));
    worker.on('error', (err) => this.died(slot, err));
    worker.on('exit', (code) => this.died(slot, new Error(`worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  /** Analyses one document in a worker (its bytes are copied there, see the module comment). */
  run(task: WorkerTask, timeoutMs: number): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed) return;
    // one worker per document in flight, up to `size` (a small batch loads few dictionaries)
    const inFlight = this.queue.length + this.active.reduce((n, s) => n + s.jobs.length, 0);
    while (!this.closing && this.active.length < Math.min(this.size, inFlight)) this.spawn();
    // fill every worker to one document first, then to PREFETCH: with few documents, spread them
    for (let depth = 1; depth <= PREFETCH; depth++) {
      for (const slot of this.active) {
        if (slot.jobs.length >= depth || !this.queue.length) continue;
        const job = this.queue.shift()!;
        slot.jobs.push(job);
        if (slot.jobs.length === 1) this.startClock(slot, job);
        slot.worker.postMessage({ id: job.id, task: job.task });
      }
    }
  }

  /** The time limit of the document a worker is now analysing (once it is ready). */
  private startClock(slot: Slot, job: Job): void {
    if (slot.ready) job.timer = setTimeout(() => this.timedOut(slot, job), job.timeoutMs);
  }

  private ready(slot: Slot): void {
    slot.ready = true;
    if (slot.jobs.length) this.startClock(slot, slot.jobs[0]!);
  }

  private finished(slot: Slot, msg: { id: number; reply: WorkerReply }): void {
    const job = slot.jobs[0];
    // a retired worker answering for the document that failed on time
    if (!job || job.id !== msg.id) {
      this.terminateIfIdle(slot);
      return;
    }
    clearTimeout(job.timer);
    slot.jobs.shift();
    job.resolve(msg.reply);
    if (retired(slot)) this.terminateIfIdle(slot);
    else if (slot.jobs.length) this.startClock(slot, slot.jobs[0]!);
    this.pump();
  }

  /** Terminates a retired worker once it is idle for good (state −1), never inside nodejieba. */
  private terminateIfIdle(slot: Slot): void {
    if (!slot.dead && Atomics.load(slot.state, 0) === -1) void slot.worker.terminate();
  }

  private timedOut(slot: Slot, job: Job): void {
    if (slot.jobs[0] !== job) return;
    // over time only if the worker is still in it: otherwise it has finished (its reply is on the
    // way, this thread was just busy) and the swap fails
    if (Atomics.compareExchange(slot.state, 0, job.id, -job.id) !== job.id) return;
    job.reject(new TaskTimeoutError(job.timeoutMs));
    // keep the busy worker alive (terminating it inside a native call would abort the process):
    // it gets nothing more and claims nothing more; it is terminated when it is done with this
    // document (state −1); a fresh one takes its place, and the documents it held (never claimed)
    // go back to the front of the queue
    slot.jobs.splice(0, 1); // the reply to this one is ignored
    this.queue.unshift(...slot.jobs.splice(0));
    job.resolve = () => {};
    job.reject = () => {};
    this.pump();
  }

  private died(slot: Slot, err: Error): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots = this.slots.filter((s) => s !== slot);
    // the document it was analysing fails; those it only held go back to the queue
    const [job, ...held] = slot.jobs.splice(0);
    if (job) {
      clearTimeout(job.timer);
      if (!retired(slot)) job.reject(err);
    }
    if (!retired(slot)) {
      if (this.closing) for (const j of held) j.reject(new PoolClosedError());
      else this.queue.unshift(...held);
    }
    // a replacement only for documents waiting (and never while closing: a worker that cannot
    // start would otherwise be replaced forever)
    if (!this.closed && !this.closing && this.queue.length) this.pump();
  }

  /** Drops queued tasks (they reject with PoolClosedError); running ones finish. */
  dropQueued(): void {
    for (const job of this.queue.splice(0)) job.reject(new PoolClosedError());
  }

  /** Resolves when no worker that is still in service is busy (loading jieba counts as busy). */
  async idle(): Promise<void> {
    while (this.slots.some((s) => (s.jobs.length || !s.ready) && !retired(s) && !s.dead)) await new Promise((r) => setTimeout(r, 20));
  }

  /** Retired workers still inside the document that failed on time. */
  private get stuck(): Slot[] {
    return this.slots.filter((s) => retired(s) && !s.dead && Atomics.load(s.state, 0) !== -1);
  }

  /**
   * Stops every worker: queued tasks are dropped, running ones are waited for. Retired workers (a
   * document over the time limit) get up to `graceMs` more to come back, since terminating one
   * inside nodejieba aborts the process; one still stuck after that is terminated all the same.
   */
  async close(graceMs = 10_000): Promise<void> {
    this.closing = true;
    this.dropQueued();
    await this.idle();
    const deadline = Date.now() + graceMs;
    while (this.stuck.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    this.closed = true;
    const all = this.slots.splice(0);
    for (const s of all) s.dead = true;
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => 0)));
  }
}
