import path from "node:path";
import { inject } from "vitest";

/**
 * Receipts, uploads and letters written by the use cases under test go to this worker's folder of
 * the run: a test that compares the stored files before and after sees no other file's, nor another
 * run's beside it. Set before the test file imports the app's configuration.
 */
process.env.STORAGE_DIR = path.join(inject("storageRoot"), process.env.VITEST_POOL_ID ?? "1");
