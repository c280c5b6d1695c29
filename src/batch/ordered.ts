/**
 * Outcomes written in input order while they finish in any order: `batch` hands documents to
 * workers as they are read, and each document's rows are written once it and every document
 * before it are done, so the output order never depends on scheduling.
 *
 * Only what is in flight is held: a written outcome is dropped at once, so memory does not grow
 * with the number of inputs (a test holds this, test/batch-order.test.ts).
 */
export class InOrder<T> {
  private readonly pending = new Map<number, Promise<T>>();
  private readonly settled = new Map<number, T>();
  private dispatched = 0;
  private taken = 0;
  private halted: boolean;
  /** Wakes the writeNext waiting for an outcome, if any, when the run is stopped. */
  private wakeWaiting: (() => void) | null = null;

  constructor(
    private readonly write: (outcome: T) => Promise<void> | void,
    signal?: AbortSignal,
  ) {
    this.halted = signal?.aborted === true;
    signal?.addEventListener(
      'abort',
      () => {
        this.halted = true;
        this.wakeWaiting?.();
      },
      { once: true },
    );
  }

  /** Outcomes written so far (they are the first `written` inputs). */
  get written(): number {
    return this.taken;
  }

  /** True once the signal fired: waiting stops, finished outcomes can still be written. */
  get stopped(): boolean {
    return this.halted;
  }

  /** Inputs added and not yet written. */
  get inFlight(): number {
    return this.dispatched - this.taken;
  }

  /** Adds the next input's outcome: a promise that never rejects (failures are outcomes too). */
  add(outcome: Promise<T>): void {
    const i = this.dispatched++;
    this.pending.set(i, outcome);
    void outcome.then((o) => this.settled.set(i, o));
  }

  /** Waits for the next outcome in order and writes it; false when the run was stopped first. One call at a time. */
  async writeNext(): Promise<boolean> {
    if (this.taken >= this.dispatched) return false;
    const o = await this.outcomeOf(this.taken);
    if (o === undefined) return false;
    await this.take(o);
    return true;
  }

  /** After a stop: writes, in order, the outcomes already finished, up to the first gap or the first `keep` refuses. */
  async writeFinished(keep: (outcome: T) => boolean): Promise<void> {
    for (let o = this.settled.get(this.taken); o !== undefined && keep(o); o = this.settled.get(this.taken)) await this.take(o);
  }

  private async take(o: T): Promise<void> {
    this.settled.delete(this.taken);
    this.pending.delete(this.taken);
    this.taken++;
    await this.write(o);
  }

  /**
   * Outcome `i` once it is there, undefined when the run is stopped first. Not
   * Promise.race([outcome, stopPromise]): each race leaves a reaction on the stop promise, which a
   * normal run never settles, and that reaction keeps the raced outcome reachable; `batch` held
   * every document's formatted rows that way (267 MB of heap after 6,000 reports).
   */
  private outcomeOf(i: number): Promise<T | undefined> {
    const known = this.settled.get(i);
    if (known !== undefined || this.halted) return Promise.resolve(known);
    return new Promise<T | undefined>((resolve) => {
      this.wakeWaiting = () => resolve(undefined);
      void this.pending.get(i)!.then(resolve);
    }).finally(() => {
      this.wakeWaiting = null;
    });
  }
}
