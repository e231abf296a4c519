import type { Metadata } from "next";
import type { Permission } from "@/lib/access/policy";
import { guardedPageLoad } from "@/lib/http/page-guard";
import { pageParams, RouteParam } from "@/lib/http/route-params";
import { getWaveHeading } from "./get-wave-heading";

const PARAMS = { waveId: RouteParam.id };
type Props = { params: Promise<{ waveId: string }> };

/**
 * The plumbing of a wave's management board (`/pilotage/vagues/<id>/<board>`): its title names the
 * wave (« Décisions – Vague de généralisation 2025 »), read with the board's permission once per
 * request for the title and the page (ADR 0031); the board itself is read after, with its filters.
 */
export function waveBoardPage(board: "attribution" | "decisions" | "versements", permission: Permission, heading: string) {
  const loadWave = guardedPageLoad(
    (waveId: string) => `/pilotage/vagues/${waveId}/${board}`,
    (viewer, waveId) => getWaveHeading(viewer, waveId, permission),
  );
  return {
    async generateMetadata({ params }: Props): Promise<Metadata> {
      const { waveId } = await pageParams(params, PARAMS);
      return { title: `${heading} – ${(await loadWave(waveId)).record.title}` };
    },
    /** The wave's id, the signed-in viewer allowed to see the board, and the board's path. */
    async load(params: Props["params"]) {
      const { waveId } = await pageParams(params, PARAMS);
      const { viewer, path } = await loadWave(waveId);
      return { waveId, viewer, path };
    },
  };
}
