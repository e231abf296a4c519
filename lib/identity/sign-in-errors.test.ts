import { describe, expect, it } from "vitest";
import { signInErrorMessage } from "./sign-in-errors";

describe("the sign-in page's error message", () => {
  it("says nothing without a code", () => {
    expect(signInErrorMessage(undefined)).toBeNull();
    expect(signInErrorMessage("")).toBeNull();
  });

  it("says the message of a known code", () => {
    expect(signInErrorMessage("trop-de-tentatives")).toBe("Trop de tentatives de connexion. Réessayez dans quelques minutes.");
    expect(signInErrorMessage("OAuthCallback")).toBe("Le retour de Pro Santé Connect n'a pas pu être vérifié. Recommencez la connexion.");
  });

  it.each(["inconnu", "constructor", "__proto__", "toString", "hasOwnProperty"])(
    "says the generic message for « %s », never an object's inherited property",
    (code) => {
      expect(signInErrorMessage(code)).toBe("La connexion n'a pas abouti. Recommencez.");
    },
  );
});
