/**
 * A large roster file (200,000 lines) is seconds of CPU to read, check and plan, and it runs in
 * the request, on the one thread that serves every user (and, on the embedded database, the
 * database too). Its loops give way: once a slice of time is spent, they wait one turn of the
 * event loop, so that other requests, timers and the database's I/O are served between two
 * slices (ADR 0006, amended 7 December). The reading is the same, only interleaved.
 *
 * Public API: `givingWay`.
 */
import { setImmediate as nextTurn } from "node:timers/promises";

/** Time a loop keeps the thread before the others' turn: well under what a user notices. */
const SLICE_MS = 15;

/**
 * A `giveWay()` to await at each round of a long loop: it resolves at once while the slice lasts,
 * then after one turn of the event loop (its I/O and timers included), and a new slice starts.
 */
export function givingWay(sliceMs = SLICE_MS): () => Promise<void> | undefined {
  let sliceStart = performance.now();
  return () => {
    if (performance.now() - sliceStart < sliceMs) return undefined;
    return nextTurn().then(() => {
      sliceStart = performance.now();
    });
  };
}
