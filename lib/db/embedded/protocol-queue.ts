import type { PGlite } from "@electric-sql/pglite";

/**
 * Serialises the wire-protocol traffic of several client connections onto one PGlite session.
 *
 * PGlite is a single Postgres backend. The queue shipped with `@electric-sql/pglite-socket` may
 * switch to another connection between any two messages outside a transaction, so by design one
 * client's extended-query exchange (Parse, Bind, Execute, Sync) could be split by another's and
 * bind the wrong statement. Here a connection keeps the backend from its first message to the end
 * of its exchange: a `Sync` or simple `Query` that leaves no transaction open, or the startup
 * packet. Other connections wait their turn.
 */
type Job = {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
};

const SYNC = 0x53; // 'S'
const SIMPLE_QUERY = 0x51; // 'Q'

/** Messages after which a connection gives the backend back (unless a transaction stays open). */
function endsExchange(message: Uint8Array): boolean {
  const type = message[0];
  // The startup packet has no type byte: it starts with its 4-byte length, whose first byte is 0.
  return type === SYNC || type === SIMPLE_QUERY || type === 0;
}

export class ExchangeQueue {
  private readonly waiting: Job[] = [];
  private owner: number | null = null;
  private running = false;

  constructor(private readonly db: PGlite) {}

  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ handlerId, message, onData, resolve, reject });
      void this.pump();
    });
  }

  getQueueLength(): number {
    return this.waiting.length;
  }

  clearQueueForHandler(handlerId: number): void {
    const dropped = this.waiting.filter((job) => job.handlerId === handlerId);
    this.waiting.splice(0, this.waiting.length, ...this.waiting.filter((job) => job.handlerId !== handlerId));
    for (const job of dropped) job.reject(new Error("Connection closed"));
  }

  /** Called when a connection goes away: roll back what it left open and let the others in. */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    if (this.owner !== handlerId) return;
    // Nobody owns handler id -1: the others keep waiting until the rollback is done.
    this.owner = -1;
    try {
      // `exec` takes PGlite's own lock: calling it inside runExclusive would deadlock.
      // A database being stopped has nothing left to roll back.
      if (!this.db.closed && this.db.isInTransaction()) await this.db.exec("ROLLBACK");
    } finally {
      this.owner = null;
      void this.pump();
    }
  }

  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const index = this.owner === null ? 0 : this.waiting.findIndex((job) => job.handlerId === this.owner);
        const job = index < 0 ? undefined : this.waiting.splice(index, 1)[0];
        if (!job) break;
        this.owner = job.handlerId;
        let bytes = 0;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(job.message, {
              onRawData: (data) => {
                bytes += data.length;
                job.onData(data);
              },
            }),
          );
        } catch (error) {
          job.reject(error);
          continue;
        }
        if (endsExchange(job.message) && !this.db.isInTransaction()) this.owner = null;
        job.resolve(bytes);
      }
    } finally {
      this.running = false;
    }
  }
}
