-- CreateEnum
CREATE TYPE "RankingMode" AS ENUM ('NATIONAL_ONLY', 'WEIGHTED_MIX');

-- AlterEnum
ALTER TYPE "DecisionOutcome" ADD VALUE 'WAITLISTED';

-- DropForeignKey
ALTER TABLE "Decision" DROP CONSTRAINT "Decision_decidedById_fkey";

-- DropIndex
DROP INDEX "Decision_applicationId_key";

-- AlterTable
ALTER TABLE "Wave" ADD COLUMN     "rankingMode" "RankingMode" NOT NULL DEFAULT 'NATIONAL_ONLY',
ADD COLUMN     "regionalRankingWeight" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "spreadThreshold" DOUBLE PRECISION NOT NULL DEFAULT 15;

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "overallCommentReleasable" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "Score" ADD COLUMN     "commentReleasable" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable: a decision is staged, then released (ADR 0013). The decisions taken before keep
-- their history: staged and released when they were decided, their rationale as conditions or reasons.
ALTER TABLE "Decision" ADD COLUMN     "conditions" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "envelopeOverrideReason" TEXT,
ADD COLUMN     "letterHash" CHAR(64),
ADD COLUMN     "letterKey" TEXT,
ADD COLUMN     "reasons" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "releasedAt" TIMESTAMP(3),
ADD COLUMN     "releasedById" UUID,
ADD COLUMN     "stagedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
ADD COLUMN     "stagedById" UUID,
ADD COLUMN     "supersededAt" TIMESTAMP(3),
ADD COLUMN     "waveId" UUID;

UPDATE "Decision" AS d SET
  "waveId" = a."waveId",
  "conditions" = CASE WHEN d."outcome" = 'SELECTED' THEN d."rationale" ELSE '' END,
  "reasons" = CASE WHEN d."outcome" = 'SELECTED' THEN '' ELSE d."rationale" END,
  "stagedAt" = d."decidedAt",
  "stagedById" = d."decidedById",
  "releasedAt" = d."decidedAt",
  "releasedById" = d."decidedById"
FROM "Application" AS a WHERE a."id" = d."applicationId";

ALTER TABLE "Decision" ALTER COLUMN "waveId" SET NOT NULL,
DROP COLUMN "decidedAt",
DROP COLUMN "decidedById",
DROP COLUMN "rationale";

-- CreateIndex
CREATE INDEX "Decision_applicationId_stagedAt_idx" ON "Decision"("applicationId", "stagedAt");

-- CreateIndex
CREATE INDEX "Decision_waveId_releasedAt_idx" ON "Decision"("waveId", "releasedAt");

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "Wave"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_stagedById_fkey" FOREIGN KEY ("stagedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Decision" ADD CONSTRAINT "Decision_releasedById_fkey" FOREIGN KEY ("releasedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- Rules Prisma cannot express. A grant has an amount, nothing else has one (written
-- without naming the new enum value, which this transaction cannot use yet).
ALTER TABLE "Decision" DROP CONSTRAINT "Decision_amount_matches_outcome";
ALTER TABLE "Decision"
  ADD CONSTRAINT "Decision_amount_matches_outcome" CHECK (
    ("outcome" = 'SELECTED') = ("amountGrantedCents" IS NOT NULL) AND ("amountGrantedCents" IS NULL OR "amountGrantedCents" >= 0)
  ),
  ADD CONSTRAINT "Decision_released_or_superseded" CHECK ("releasedAt" IS NULL OR "supersededAt" IS NULL),
  ADD CONSTRAINT "Decision_override_reason_not_blank" CHECK ("envelopeOverrideReason" IS NULL OR btrim("envelopeOverrideReason") <> '');

ALTER TABLE "Wave"
  ADD CONSTRAINT "Wave_spread_threshold_positive" CHECK ("spreadThreshold" >= 0 AND "spreadThreshold" <= 100),
  ADD CONSTRAINT "Wave_regional_ranking_weight_percent" CHECK ("regionalRankingWeight" BETWEEN 0 AND 100);
