-- Access recovery (ADR 0034): a single-use link, sent to a person who lost their keys by someone who
-- answers for them, through which they register a new key; the registration challenge names it.

-- AlterTable
ALTER TABLE "WebAuthnChallenge" ADD COLUMN     "recoveryId" UUID;

-- CreateTable
CREATE TABLE "AccessRecovery" (
    "id" UUID NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "userId" UUID NOT NULL,
    "issuedById" UUID,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "supersededAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessRecovery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessRecovery_tokenHash_key" ON "AccessRecovery"("tokenHash");

-- CreateIndex
CREATE INDEX "AccessRecovery_userId_idx" ON "AccessRecovery"("userId");

-- AddForeignKey
ALTER TABLE "AccessRecovery" ADD CONSTRAINT "AccessRecovery_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessRecovery" ADD CONSTRAINT "AccessRecovery_issuedById_fkey" FOREIGN KEY ("issuedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
