-- AlterTable
ALTER TABLE "Wave" ADD COLUMN     "version" INTEGER NOT NULL DEFAULT 1;

-- AlterTable
ALTER TABLE "OutboxEmail" ADD COLUMN     "nextAttemptAt" TIMESTAMP(3) DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "OutboxEmail_nextAttemptAt_idx" ON "OutboxEmail"("nextAttemptAt");

-- Written by hand: e-mails already sent have nothing left to try; rules Prisma cannot express.
UPDATE "OutboxEmail" SET "nextAttemptAt" = NULL WHERE "status" = 'SENT';

ALTER TABLE "Wave"
  ADD CONSTRAINT "Wave_version_positive" CHECK ("version" >= 1);

ALTER TABLE "OutboxEmail"
  ADD CONSTRAINT "OutboxEmail_sent_has_date" CHECK ("status" <> 'SENT' OR "sentAt" IS NOT NULL);
