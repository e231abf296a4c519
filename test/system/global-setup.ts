import { buildApp, buildIsStale } from "@/scripts/lib/next-build";

/** The system tests start the production build, as deployments do: build it if it is missing or stale. */
export default async function setup() {
  if (buildIsStale()) await buildApp();
}
