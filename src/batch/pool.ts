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
 *  - stopping (SIGINT) lets running documents finish and drops the queued ones;
 *  - `close()` terminates idle workers; a worker still stuck at the very end is terminated last,
 *    after the output files have been committed.
 * A worker that dies (uncaught error, out of memory) fails its document and is replaced.
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
  transfer: ArrayBuffer[];
  timeoutMs: number;
  resolve: (reply: WorkerReply) => void;
  reject: (err: Error) => void;
  timer?: NodeJS.Timeout;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  retired: boolean;
  dead: boolean;
}

export class BatchPool {
  private slots: Slot[] = [];
  private queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  constructor(readonly size: number = availableParallelism()) {
    if (!Number.isInteger(size) || size < 1) throw new RangeError(`pool size must be a positive whole number, got ${size}`);
  }

  /** Workers that take work (not counting retired ones). */
  private get active(): Slot[] {
    return this.slots.filter((s) => !s.retired && !s.dead);
  }

  private spawn(): Slot {
    const worker = new Worker(WORKER_FILE);
    const slot: Slot = { worker, job: null, retired: false, dead: false };
    worker.on('message', (msg: { id: number; reply: WorkerReply }) => this.finished(slot, msg));
    worker.on('error', (err) => this.died(slot, err));
    worker.on('exit', (code) => this.died(slot, new Error(`worker stopped (exit code ${code})`)));
    this.slots.push(slot);
    return slot;
  }

  run(task: WorkerTask, transfer: ArrayBuffer[], timeoutMs: number): Promise<WorkerReply> {
    if (this.closed) return Promise.reject(new PoolClosedError());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, transfer, timeoutMs, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    if (this.closed) return;
    while (this.active.length < this.size) this.spawn();
    for (const slot of this.active) {
      if (slot.job || !this.queue.length) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      job.timer = setTimeout(() => this.timedOut(slot, job), job.timeoutMs);
      slot.worker.postMessage({ id: job.id, task: job.task }, job.transfer);
    }
  }

  private finished(slot: Slot, msg: { id: number; reply: WorkerReply }): void {
    const job = slot.job;
    if (!job || job.id !== msg.id) return; // a retired worker finishing a document that already failed
    clearTimeout(job.timer);
    slot.job = null;
    job.resolve(msg.reply);
    if (slot.retired) void slot.worker.terminate();
    this.pump();
  }

  private timedOut(slot: Slot, job: Job): void {
    if (slot.job !== job) return;
    job.reject(new TaskTimeoutError(job.timeoutMs));
    // keep the busy worker alive (terminating it inside a native call would abort the process):
    // it gets nothing more and is terminated when it comes back; a fresh one takes its place
    slot.retired = true;
    slot.job = job; // still busy with it
    job.resolve = () => {};
    job.reject = () => {};
    this.pump();
  }

  private died(slot: Slot, err: Error): void {
    if (slot.dead) return;
    slot.dead = true;
    this.slots = this.slots.filter((s) => s !== slot);
    const job = slot.job;
    slot.job = null;
    if (job) {
      clearTimeout(job.timer);
      job.reject(err);
    }
    if (!this.closed) this.pump();
  }

  /** Drops queued tasks (they reject with PoolClosedError); running ones finish. */
  dropQueued(): void {
    for (const job of this.queue.splice(0)) job.reject(new PoolClosedError());
  }

  /** Resolves when no worker that is still in service is busy. */
  async idle(): Promise<void> {
    while (this.slots.some((s) => s.job && !s.retired && !s.dead)) await new Promise((r) => setTimeout(r, 20));
  }

  /** Stops every worker: queued tasks are dropped, running ones are waited for (retired stuck ones are not). */
  async close(): Promise<void> {
    this.dropQueued();
    await this.idle();
    this.closed = true;
    const all = this.slots.splice(0);
    for (const s of all) s.dead = true;
    await Promise.all(all.map((s) => s.worker.terminate().catch(() => 0)));
  }
}
