/**
 * The in-order writer behind `batch` (src/batch/ordered.ts): output order is input order whatever
 * the finishing order, a stop ends the waiting, and written outcomes are not kept.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { InOrder } from '../src/batch/ordered.js';

const later = <T>(value: T, ms: number) => new Promise<T>((resolve) => setTimeout(() => resolve(value), ms));

/** The loop runBatch runs: add each outcome, write while `window` are in flight, then drain. */
async function drive<T>(order: InOrder<T>, outcomes: Array<() => Promise<T>>, window: number): Promise<void> {
  for (const make of outcomes) {
    if (order.stopped) break;
    order.add(make());
    while (!order.stopped && order.inFlight >= window) if (!(await order.writeNext())) break;
  }
  while (!order.stopped && order.inFlight > 0) if (!(await order.writeNext())) break;
}

describe('InOrder', () => {
  it('writes in input order whatever order the outcomes finish in', async () => {
    const written: number[] = [];
    const order = new InOrder<number>((n) => void written.push(n));
    const delays = [30, 0, 20, 5, 25, 1, 15, 10, 0, 40, 3, 8];
    await drive(order, delays.map((ms, i) => () => later(i, ms)), 4);
    expect(written).toEqual(delays.map((_, i) => i));
    expect(order.inFlight).toBe(0);
  });

  it('stops waiting when the signal fires, and keeps only the finished outcomes up to the first gap', async () => {
    const written: string[] = [];
    const stop = new AbortController();
    const order = new InOrder<string>((s) => void written.push(s), stop.signal);
    order.add(later('a', 0));
    order.add(later('b', 5));
    order.add(new Promise<string>(() => {})); // never finishes (a document still running)
    order.add(later('d', 0));
    setTimeout(() => stop.abort(), 30);
    expect(await order.writeNext()).toBe(true);
    expect(await order.writeNext()).toBe(true);
    expect(await order.writeNext()).toBe(false); // woken by the stop, not left hanging
    await order.writeFinished(() => true);
    expect(written).toEqual(['a', 'b']); // 'd' finished but lies after the gap
    expect(order.stopped).toBe(true);
  });

  it('does not keep written outcomes (memory stays flat however many inputs there are)', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const refs: Array<WeakRef<object>> = [];
    const stop = new AbortController(); // a signal that never fires, as in a normal run
    const order = new InOrder<{ rows: string }>(() => {}, stop.signal);
    await drive(
      order,
      Array.from({ length: 300 }, (_, i) => () => {
        const outcome = { rows: `row ${i} `.repeat(1000) };
        refs.push(new WeakRef(outcome));
        return later(outcome, i % 3);
      }),
      8,
    );
    await later(null, 0);
    gc();
    const alive = refs.filter((r) => r.deref() !== undefined).length;
    expect(order.written).toBe(300); // the writer is still in use while we look
    expect(alive).toBeLessThanOrEqual(2);
  });
});
