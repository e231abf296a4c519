-- AlterTable
ALTER TABLE "Session" ADD COLUMN     "credentialId" TEXT;

-- CreateIndex
CREATE INDEX "Session_credentialId_idx" ON "Session"("credentialId");
