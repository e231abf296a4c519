import { expect, test } from "@playwright/test";
import { expectNoSeriousAccessibilityViolation } from "./fixtures/accessibility";
import { e2eDb } from "./fixtures/database";
import { signInAs } from "./fixtures/sessions";
import { createUser } from "@/test/factories";

test.describe("background jobs", () => {
  test("a programme manager sees a job that failed for good, with its error, and runs it again", async ({ page, context }) => {
    const manager = await createUser(e2eDb, { staffRole: "PROGRAMME_MANAGER", name: "Pilote Tâches" });
    const error = `Indicateurs non calculés : base injoignable (${crypto.randomUUID().slice(0, 8)})`;
    // A run of the daily snapshots that used all its attempts, as pg-boss leaves it.
    await e2eDb.$executeRaw`
      INSERT INTO pgboss.job (name, state, retry_count, retry_limit, output, started_on, completed_on)
      VALUES ('daily-snapshots', 'failed', 5, 5, ${JSON.stringify({ message: error })}::jsonb, now() - interval '2 minutes', now() - interval '1 minute')`;

    await signInAs(context, manager.id);
    await page.goto("/pilotage/taches");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tâches de fond");
    const failed = page.getByRole("row").filter({ hasText: error });
    await expect(failed).toContainText("Indicateurs quotidiens des registres");
    await expect(failed).toContainText("Échec définitif");
    await expect(failed.getByRole("cell").nth(2)).toHaveText("6");
    await expectNoSeriousAccessibilityViolation(page);

    await page.getByRole("button", { name: "Lancer maintenant : Indicateurs quotidiens des registres" }).click();
    await expect(page.getByText("Exécution demandée : elle part dans quelques secondes.")).toBeVisible();
    const audit = await e2eDb.auditEvent.findFirstOrThrow({ where: { action: "job.relaunched", actorId: manager.id } });
    expect(audit.details).toMatchObject({ job: "daily-snapshots", queued: true });
  });
});
