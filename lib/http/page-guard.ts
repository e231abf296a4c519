import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { recordAudit } from "@/lib/audit/record-audit";
import { auditActor, type Viewer } from "@/lib/access/viewer";
import { db } from "@/lib/db/client";
import { isAppError } from "@/lib/errors/app-error";
import { requireViewer } from "@/lib/identity/current-viewer";
import { clientIp } from "./client-info";

/**
 * For pages: runs a load that asks the access policy; a refusal is audited and answered with the
 * 404 page, which does not tell a hidden resource from a missing one.
 */
export async function guardPage<T>(viewer: Viewer, path: string, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (error) {
    if (isAppError(error) && (error.code === "NOT_FOUND" || error.code === "FORBIDDEN")) {
      await recordAudit(db, {
        actor: auditActor(viewer),
        action: "access.denied",
        ip: clientIp(await headers()),
        details: { method: "GET", path, code: error.code },
      });
      notFound();
    }
    throw error;
  }
}

/**
 * A page's signed-in, guarded load of the record it shows, for the page and for its
 * `generateMetadata`: the title names that record (RGAA 8.6), and React's `cache` makes both one
 * read per request, so a refusal is also audited once. Arguments are the URL's parsed segments
 * (strings, which `cache` compares by value).
 */
export function guardedPageLoad<TArgs extends string[], T>(
  pathOf: (...args: TArgs) => string,
  load: (viewer: Viewer, ...args: TArgs) => Promise<T>,
): (...args: TArgs) => Promise<{ viewer: Viewer; path: string; record: T }> {
  return cache(async (...args: TArgs) => {
    const path = pathOf(...args);
    const viewer = await requireViewer(path);
    return { viewer, path, record: await guardPage(viewer, path, () => load(viewer, ...args)) };
  });
}

/**
 * A page with a fixed title (a list, a board, a form) that a viewer may be refused: its
 * `generateMetadata` gives the title only after the page's guarded `load`, so that a refused
 * viewer's title is the 404 page's, never the name of what they may not open (RGAA 8.6, ADR 0031).
 * A static `metadata` cannot: Next.js resolves it before the page answers with the 404. The page
 * calls the same `load` (one read, one audit entry per request, as `guardedPageLoad`). When the
 * page's own load depends on the query string, `load` is what it asks the policy, and the page
 * runs the rest after it in `guardPage`.
 */
export function guardedTitledPage<T>(
  path: string,
  title: string,
  load: (viewer: Viewer) => T | Promise<T>,
): { load: () => Promise<{ viewer: Viewer; path: string; record: T }>; generateMetadata: () => Promise<Metadata> } {
  const guardedLoad = guardedPageLoad(
    () => path,
    async (viewer: Viewer) => load(viewer),
  );
  return {
    load: guardedLoad,
    generateMetadata: async () => {
      await guardedLoad();
      return { title };
    },
  };
}
