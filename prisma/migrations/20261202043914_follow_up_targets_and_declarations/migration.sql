-- CreateEnum
CREATE TYPE "TargetIndicator" AS ENUM ('REGISTERED', 'IDENTITY_SUBSTANTIAL', 'RIE_COMPLIANT', 'DMP_READY', 'RIE_COMPLIANT_AMONG_CONCERNED', 'DMP_READY_AMONG_NEEDING_DMP');

-- AlterEnum
ALTER TYPE "SnapshotReason" ADD VALUE 'DECLARATION';

-- AlterTable
ALTER TABLE "Wave" ADD COLUMN     "advanceSharePercent" INTEGER;

-- CreateTable
CREATE TABLE "ObjectiveTarget" (
    "id" UUID NOT NULL,
    "waveId" UUID NOT NULL,
    "objectiveCode" TEXT NOT NULL,
    "indicator" "TargetIndicator" NOT NULL,
    "thresholdPercent" INTEGER NOT NULL,
    "dueDate" DATE NOT NULL,

    CONSTRAINT "ObjectiveTarget_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ResultDeclaration" (
    "id" UUID NOT NULL,
    "applicationId" UUID NOT NULL,
    "snapshotId" UUID NOT NULL,
    "declaredById" UUID,
    "declaredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pdfKey" TEXT NOT NULL,
    "pdfHash" CHAR(64) NOT NULL,

    CONSTRAINT "ResultDeclaration_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DeclaredObjective" (
    "id" UUID NOT NULL,
    "declarationId" UUID NOT NULL,
    "objectiveCode" TEXT NOT NULL,
    "achieved" BOOLEAN NOT NULL,
    "comment" TEXT NOT NULL,
    "precheckMet" BOOLEAN,
    "precheck" JSONB NOT NULL DEFAULT '[]',

    CONSTRAINT "DeclaredObjective_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ObjectiveTarget_waveId_objectiveCode_indicator_key" ON "ObjectiveTarget"("waveId", "objectiveCode", "indicator");

-- CreateIndex
CREATE UNIQUE INDEX "ResultDeclaration_snapshotId_key" ON "ResultDeclaration"("snapshotId");

-- CreateIndex
CREATE INDEX "ResultDeclaration_applicationId_declaredAt_idx" ON "ResultDeclaration"("applicationId", "declaredAt");

-- CreateIndex
CREATE UNIQUE INDEX "DeclaredObjective_declarationId_objectiveCode_key" ON "DeclaredObjective"("declarationId", "objectiveCode");

-- AddForeignKey
ALTER TABLE "ObjectiveTarget" ADD CONSTRAINT "ObjectiveTarget_waveId_fkey" FOREIGN KEY ("waveId") REFERENCES "Wave"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultDeclaration" ADD CONSTRAINT "ResultDeclaration_applicationId_fkey" FOREIGN KEY ("applicationId") REFERENCES "Application"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultDeclaration" ADD CONSTRAINT "ResultDeclaration_snapshotId_fkey" FOREIGN KEY ("snapshotId") REFERENCES "IndicatorSnapshot"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ResultDeclaration" ADD CONSTRAINT "ResultDeclaration_declaredById_fkey" FOREIGN KEY ("declaredById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DeclaredObjective" ADD CONSTRAINT "DeclaredObjective_declarationId_fkey" FOREIGN KEY ("declarationId") REFERENCES "ResultDeclaration"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Shares are whole percentages (no float anywhere in the payment schedule).
ALTER TABLE "Wave" ADD CONSTRAINT "Wave_advanceSharePercent_range" CHECK ("advanceSharePercent" BETWEEN 0 AND 100);
ALTER TABLE "ObjectiveTarget" ADD CONSTRAINT "ObjectiveTarget_thresholdPercent_range" CHECK ("thresholdPercent" BETWEEN 0 AND 100);
