import { createHash, generateKeyPairSync, randomBytes, sign } from "node:crypto";
import type { AuthenticationResponseJSON } from "@simplewebauthn/server";
import { isoCBOR } from "@simplewebauthn/server/helpers";
import type { Db } from "@/lib/db/client";
import { relyingParty } from "../relying-party";

/**
 * A passkey held in the test process, for integration tests that need a real signature (the
 * browser ceremonies are e2e/passkeys.spec.ts's, with Chromium's virtual authenticator): an ES256
 * key registered for an account, and the assertions it signs, counter advancing, user present and
 * verified, for our origin and RP ID.
 */
export async function softwarePasskey(db: Db, userId: string) {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  // COSE_Key of an ES256 key: kty EC2, alg ES256, crv P-256, x, y.
  const coseKey = new Map<number, number | Uint8Array>([
    [1, 2],
    [3, -7],
    [-1, 1],
    [-2, Buffer.from(jwk.x!, "base64url")],
    [-3, Buffer.from(jwk.y!, "base64url")],
  ]);
  const id = randomBytes(16).toString("base64url");
  await db.webAuthnCredential.create({
    data: {
      id,
      userId,
      publicKey: Buffer.from(isoCBOR.encode(coseKey)),
      deviceType: "singleDevice",
      backupEligible: false,
      backedUp: false,
      name: `Clé logicielle ${id.slice(0, 6)}`,
    },
  });
  let counter = 0;

  /** The browser's answer to `challenge` (base64url), signed by this key. */
  function assert(challenge: string): AuthenticationResponseJSON {
    const rp = relyingParty();
    counter += 1;
    const flags = 0x01 | 0x04; // user present, user verified
    const signCount = Buffer.alloc(4);
    signCount.writeUInt32BE(counter);
    const authenticatorData = Buffer.concat([createHash("sha256").update(rp.id).digest(), Buffer.from([flags]), signCount]);
    const clientDataJSON = Buffer.from(JSON.stringify({ type: "webauthn.get", challenge, origin: rp.origin, crossOrigin: false }));
    const signature = sign("sha256", Buffer.concat([authenticatorData, createHash("sha256").update(clientDataJSON).digest()]), privateKey);
    return {
      id,
      rawId: id,
      type: "public-key",
      clientExtensionResults: {},
      response: {
        clientDataJSON: clientDataJSON.toString("base64url"),
        authenticatorData: authenticatorData.toString("base64url"),
        signature: signature.toString("base64url"),
        userHandle: Buffer.from(userId).toString("base64url"),
      },
    };
  }

  return { id, assert };
}
