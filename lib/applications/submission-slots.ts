import pLimit from "p-limit";
import { env } from "@/lib/config/env";

/**
 * The submissions one process works on at once; the others wait their turn, first come first
 * served. A deadline's rush brings hundreds at the same instant: all under way together, they held
 * the pool's connections across their transactions while the event loop served everyone else, and
 * the ones left waiting for a connection past DATABASE_ACQUIRE_TIMEOUT_MS were answered 503. A
 * couple of connections stay free for the session lookups and pages meanwhile.
 */
export const submissionSlots = pLimit(Math.max(1, env.DATABASE_POOL_SIZE - 2));
