import { beforeEach, describe, expect, it } from "vitest";
import { createUser } from "@/test/factories";
import { resetDatabase, testDb } from "@/test/integration/database";
import { renameAccount } from "./rename-account";
import { ZAccountNameInput } from "./schemas";

describe("the name an account shows", () => {
  beforeEach(resetDatabase);

  it("is changed by its owner, trimmed, and audited with the former name", async () => {
    const { id, viewer } = await createUser(testDb, { name: "Ines Garnier" });
    const { displayName } = ZAccountNameInput.parse({ displayName: "  Inès Garnier-Roux " });

    await renameAccount(viewer, displayName, "192.0.2.1");

    expect((await testDb.user.findUniqueOrThrow({ where: { id } })).displayName).toBe("Inès Garnier-Roux");
    const audit = await testDb.auditEvent.findFirstOrThrow({ where: { action: "account.renamed", targetId: id } });
    expect(audit.details).toEqual({ from: "Ines Garnier", to: "Inès Garnier-Roux" });
  });

  it("cannot be emptied", () => {
    expect(ZAccountNameInput.safeParse({ displayName: "   " }).error?.issues[0]?.message).toBe(
      "Indiquez vos prénom et nom : ils apparaîtront aux autres utilisateurs.",
    );
  });
});
