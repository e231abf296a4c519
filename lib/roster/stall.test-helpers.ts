/**
 * The longest stall of the event loop while some work runs, what another user would wait. A stall
 * is counted in the CPU time the process spends between two ticks of a timer: on a loaded machine
 * the wall-clock gap also holds the time other processes had the CPU, which is not the code's doing.
 */
const cpuMs = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1000;

/** Runs `work` while a timer ticks every 5 ms; returns its result and the most CPU spent between two ticks. */
export async function withLongestStall<T>(work: () => Promise<T>): Promise<{ result: T; longestStallMs: number }> {
  let longestStallMs = 0;
  let last = process.cpuUsage();
  const tick = () => {
    longestStallMs = Math.max(longestStallMs, cpuMs(process.cpuUsage(last)));
    last = process.cpuUsage();
  };
  const ticking = setInterval(tick, 5);
  try {
    const result = await work();
    tick();
    return { result, longestStallMs };
  } finally {
    clearInterval(ticking);
  }
}
