import { describe, expect, it } from "vitest";
import { checkedMessageBody, MAX_MESSAGE_LENGTH } from "./message-body";

describe("checkedMessageBody", () => {
  it("keeps a message trimmed, up to the limit", () => {
    expect(checkedMessageBody("  Bonjour.\n")).toBe("Bonjour.");
    expect(checkedMessageBody("a".repeat(MAX_MESSAGE_LENGTH))).toHaveLength(MAX_MESSAGE_LENGTH);
  });

  it("refuses an empty message", () => {
    expect(() => checkedMessageBody(" \n ")).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: "Le message est vide.",
        fieldErrors: { body: ["Écrivez votre message."] },
      }),
    );
  });

  it("says the limit with the French thousands separator", () => {
    expect(() => checkedMessageBody("a".repeat(MAX_MESSAGE_LENGTH + 1))).toThrow(
      expect.objectContaining({
        code: "INVALID_INPUT",
        message: "Le message dépasse 8\u202f000 caractères.",
        fieldErrors: { body: ["8\u202f000 caractères au plus."] },
      }),
    );
  });
});
