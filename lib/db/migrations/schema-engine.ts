import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Bindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<Bindings> | undefined;
let lastPanic: string | undefined;

/** The message of the last panic inside the engine, to attach to the error it caused. */
export function takeEnginePanic(): string | undefined {
  const message = lastPanic;
  lastPanic = undefined;
  return message;
}

/**
 * Loads Prisma's schema engine compiled to WebAssembly. Its package entry imports the `.wasm`
 * file as an ES module, which Node 20 only does behind a flag, so we instantiate it ourselves,
 * the way that entry would.
 */
function loadBindings(): Promise<Bindings> {
  bindings ??= (async () => {
    // The engine reports a Rust panic through this global before it throws; keep the message.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY ??= {
      set_message(message: string) {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const glue: Bindings = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
    const compiled = await WebAssembly.compile(await readFile(wasmPath));
    const instance = await WebAssembly.instantiate(compiled, {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start: () => void };
    glue.__wbg_set_wasm(exports);
    exports.__wbindgen_start();
    return glue;
  })();
  return bindings;
}

export type EngineLog = (message: string) => void;

/**
 * `@prisma/adapter-pg` runs a migration script by splitting it on every ";", which cuts PL/pgSQL
 * bodies (our audit trigger) in pieces. The native engine sends the script whole, in one simple
 * query, which PostgreSQL runs as one implicit transaction: do the same.
 */
class WholeScriptPrismaPg extends PrismaPg {
  override async connect() {
    const adapter = await super.connect();
    adapter.executeScript = async (script: string) => {
      await adapter.underlyingDriver().query(script);
    };
    return adapter;
  }
}

/**
 * Opens the schema engine on a database, for a Prisma schema (the engine refuses to start without
 * one). The engine connects as soon as it is created.
 */
export async function openSchemaEngine(connectionString: string, schema: string, log: EngineLog = () => {}): Promise<SchemaEngine> {
  const { SchemaEngine } = await loadBindings();
  const adapter = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg({ connectionString, max: 1 }));
  return SchemaEngine.new({ datamodels: [["schema.prisma", schema]] }, log, adapter);
}
