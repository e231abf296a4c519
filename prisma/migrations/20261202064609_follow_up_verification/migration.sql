-- CreateEnum
CREATE TYPE "VerificationState" AS ENUM ('WITH_ARS', 'WITH_ANS', 'INFORMATION_REQUESTED', 'VALIDATED', 'REFUSED');

-- CreateEnum
CREATE TYPE "VerificationAction" AS ENUM ('DECLARE', 'APPROVE', 'REFUSE', 'REQUEST_INFORMATION', 'ANSWER');

-- AlterTable
ALTER TABLE "Attachment" ADD COLUMN     "declaredObjectiveId" UUID,
ADD COLUMN     "verificationStepId" UUID;

-- CreateTable
CREATE TABLE "ResultVerification" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "state" "VerificationState" NOT NULL,
    "tier" "ReviewTier" NOT NULL,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ResultVerification_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "VerificationStep" (
    "id" UUID NOT NULL,
    "verificationId" UUID NOT NULL,
    "action" "VerificationAction" NOT NULL,
    "tier" "ReviewTier" NOT NULL,
    "fromState" "VerificationState",
    "toState" "VerificationState" NOT NULL,
    "actorId" UUID,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "message" TEXT NOT NULL DEFAULT '',
    "responseDueAt" TIMESTAMP(3),

    CONSTRAINT "VerificationStep_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ObjectiveVerdict" (
    "id" UUID NOT NULL,
    "stepId" UUID NOT NULL,
    "objectiveCode" TEXT NOT NULL,
    "approved" BOOLEAN NOT NULL,
    "reason" TEXT NOT NULL DEFAULT '',

    CONSTRAINT "ObjectiveVerdict_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ResultVerification_declarationId_key" ON "ResultVerification"("declarationId");

-- CreateIndex
CREATE INDEX "ResultVerification_state_dueAt_idx" ON "ResultVerification"("state", "dueAt");

-- CreateIndex
CREATE INDEX "VerificationStep_verificationId_at_idx" ON "VerificationStep"("verificationId", "at");

-- CreateIndex
CREATE UNIQUE INDEX "ObjectiveVerdict_stepId_objectiveCode_key" ON "ObjectiveVerdict"("stepId", "objectiveCode");

-- CreateIndex
CREATE INDEX "Attachment_declaredObjectiveId_idx" ON "Attachment"("declaredObjectiveId");

-- CreateIndex
CREATE INDEX "Attachment_verificationStepId_idx" ON "Attachment"("verificationStepId");

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_declaredObjectiveId_fkey" FOREIGN KEY ("declaredObjectiveId") REFERENCES "DeclaredObjective"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_verificationStepId_fkey" FOREIGN KEY ("verificationStepId") REFERENCES "VerificationStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultVerification" ADD CONSTRAINT "ResultVerification_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "ResultDeclaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationStep" ADD CONSTRAINT "VerificationStep_verificationId_fkey" FOREIGN KEY ("verificationId") REFERENCES "ResultVerification"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VerificationStep" ADD CONSTRAINT "VerificationStep_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ObjectiveVerdict" ADD CONSTRAINT "ObjectiveVerdict_stepId_fkey" FOREIGN KEY ("stepId") REFERENCES "VerificationStep"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A file belongs to at most one of: a message, a declared objective, an answer to a request for information.
ALTER TABLE "Attachment" ADD CONSTRAINT "Attachment_one_owner" CHECK (num_nonnulls("messageId", "declaredObjectiveId", "verificationStepId") <= 1);
-- A refusal always says why.
ALTER TABLE "ObjectiveVerdict" ADD CONSTRAINT "ObjectiveVerdict_refusal_reason" CHECK ("approved" OR length(btrim("reason")) > 0);
