-- CreateEnum
CREATE TYPE "TrancheKind" AS ENUM ('ADVANCE', 'BALANCE');

-- CreateEnum
CREATE TYPE "TrancheStatus" AS ENUM ('PLANNED', 'DUE', 'ORDERED', 'PAID');

-- AlterTable
ALTER TABLE "Milestone" ADD COLUMN     "doneById" UUID,
ADD COLUMN     "doneOn" DATE,
ADD COLUMN     "doneRecordedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Tranche" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "decisionId" UUID NOT NULL,
    "kind" "TrancheKind" NOT NULL,
    "amountCents" BIGINT NOT NULL,
    "status" "TrancheStatus" NOT NULL,
    "dueAt" TIMESTAMP(3),
    "orderedOn" DATE,
    "orderedById" UUID,
    "paidOn" DATE,
    "paymentReference" TEXT,
    "paidById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Tranche_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Tranche_status_idx" ON "Tranche"("status");

-- CreateIndex
CREATE UNIQUE INDEX "Tranche_applicationId_kind_key" ON "Tranche"("applicationId", "kind");

-- AddForeignKey
ALTER TABLE "Milestone" ADD CONSTRAINT "Milestone_doneById_fkey" FOREIGN KEY ("doneById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "Decision"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_orderedById_fkey" FOREIGN KEY ("orderedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_paidById_fkey" FOREIGN KEY ("paidById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- What Prisma cannot express: a tranche's columns agree with its state.
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_amount_not_negative" CHECK ("amountCents" >= 0);
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_state_columns" CHECK (
  ("status" = 'PLANNED' OR "dueAt" IS NOT NULL)
  AND (("status" IN ('ORDERED', 'PAID')) = ("orderedOn" IS NOT NULL))
  AND (("status" = 'PAID') = ("paidOn" IS NOT NULL AND "paymentReference" IS NOT NULL AND "paymentReference" <> ''))
);

-- The grants released before this migration get their tranches, as lib/follow-up/tranches.ts
-- computes them (advance rounded half up to the cent, the balance the rest): the advance due since
-- the release, the balance planned. A wave without an advance share gets them when it is set.
WITH granted AS (
  SELECT DISTINCT ON (d."applicationId")
    d."id", d."applicationId", d."releasedAt", d."amountGrantedCents" AS grant_cents,
    (d."amountGrantedCents" * w."advanceSharePercent" + 50) / 100 AS advance_cents
  FROM "Decision" d
  JOIN "Wave" w ON w."id" = d."waveId"
  WHERE d."outcome" = 'SELECTED' AND d."releasedAt" IS NOT NULL AND d."supersededAt" IS NULL
    AND d."amountGrantedCents" IS NOT NULL AND w."advanceSharePercent" IS NOT NULL
  ORDER BY d."applicationId", d."releasedAt" DESC
)
INSERT INTO "Tranche" ("id", "applicationId", "decisionId", "kind", "amountCents", "status", "dueAt")
SELECT gen_random_uuid(), "applicationId", "id", 'ADVANCE'::"TrancheKind", advance_cents, 'DUE'::"TrancheStatus", "releasedAt" FROM granted
UNION ALL
SELECT gen_random_uuid(), "applicationId", "id", 'BALANCE'::"TrancheKind", grant_cents - advance_cents, 'PLANNED'::"TrancheStatus", NULL FROM granted;
