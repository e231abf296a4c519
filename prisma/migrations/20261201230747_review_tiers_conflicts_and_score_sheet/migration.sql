-- CreateEnum
CREATE TYPE "ReviewTiers" AS ENUM ('NATIONAL_ONLY', 'REGIONAL_THEN_NATIONAL');

-- CreateEnum
CREATE TYPE "ReviewTier" AS ENUM ('REGIONAL', 'NATIONAL');

-- CreateEnum
CREATE TYPE "AffiliationKind" AS ENUM ('FINESS', 'SIRET', 'ARS');

-- CreateEnum
CREATE TYPE "ConflictType" AS ENUM ('EMPLOYMENT', 'PERSONAL_TIE', 'FINANCIAL_INTEREST', 'PARTNER_TIE', 'OTHER');

-- AlterEnum
ALTER TYPE "StaffRole" ADD VALUE 'REGIONAL_REVIEWER';

-- AlterTable
ALTER TABLE "Wave" ADD COLUMN     "nationalReviewDueAt" TIMESTAMP(3),
ADD COLUMN     "regionalReviewDueAt" TIMESTAMP(3),
ADD COLUMN     "reviewTiers" "ReviewTiers" NOT NULL DEFAULT 'NATIONAL_ONLY',
ADD COLUMN     "reviewersAnonymous" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "reviewersPerDossier" INTEGER NOT NULL DEFAULT 2;

-- AlterTable
ALTER TABLE "ReviewerAssignment" ADD COLUMN     "dueAt" TIMESTAMP(3),
ADD COLUMN     "flags" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "overrideReason" TEXT,
ADD COLUMN     "tier" "ReviewTier" NOT NULL DEFAULT 'NATIONAL';

-- AlterTable
ALTER TABLE "ConflictDeclaration" ADD COLUMN     "partnerSiret" CHAR(14),
ADD COLUMN     "type" "ConflictType";

-- AlterTable
ALTER TABLE "Review" ADD COLUMN     "reopenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Score" ADD COLUMN     "notApplicable" BOOLEAN NOT NULL DEFAULT false,
ALTER COLUMN "value" DROP NOT NULL;

-- CreateTable
CREATE TABLE "CriterionObjective" (
    "waveVersionId" UUID NOT NULL,
    "criterionId" UUID NOT NULL,
    "objectiveId" UUID NOT NULL,

    CONSTRAINT "CriterionObjective_pkey" PRIMARY KEY ("criterionId","objectiveId")
);

-- CreateTable
CREATE TABLE "ReviewerRegion" (
    "userId" UUID NOT NULL,
    "regionCode" TEXT NOT NULL,

    CONSTRAINT "ReviewerRegion_pkey" PRIMARY KEY ("userId","regionCode")
);

-- CreateTable
CREATE TABLE "ReviewerAffiliation" (
    "id" UUID NOT NULL,
    "userId" UUID NOT NULL,
    "kind" "AffiliationKind" NOT NULL,
    "reference" TEXT NOT NULL,
    "label" TEXT NOT NULL DEFAULT '',
    "startsOn" DATE NOT NULL,
    "endsOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReviewerAffiliation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CriterionObjective_objectiveId_idx" ON "CriterionObjective"("objectiveId");

-- CreateIndex
CREATE INDEX "ReviewerAffiliation_userId_idx" ON "ReviewerAffiliation"("userId");

-- CreateIndex
CREATE INDEX "ReviewerAffiliation_kind_reference_idx" ON "ReviewerAffiliation"("kind", "reference");

-- CreateIndex
CREATE UNIQUE INDEX "Objective_id_waveVersionId_key" ON "Objective"("id", "waveVersionId");

-- CreateIndex
CREATE UNIQUE INDEX "Criterion_id_waveVersionId_key" ON "Criterion"("id", "waveVersionId");

-- CreateIndex
CREATE INDEX "ReviewerAssignment_applicationId_tier_idx" ON "ReviewerAssignment"("applicationId", "tier");

-- AddForeignKey
ALTER TABLE "CriterionObjective" ADD CONSTRAINT "CriterionObjective_criterionId_waveVersionId_fkey" FOREIGN KEY ("criterionId", "waveVersionId") REFERENCES "Criterion"("id", "waveVersionId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CriterionObjective" ADD CONSTRAINT "CriterionObjective_objectiveId_waveVersionId_fkey" FOREIGN KEY ("objectiveId", "waveVersionId") REFERENCES "Objective"("id", "waveVersionId") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerRegion" ADD CONSTRAINT "ReviewerRegion_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ReviewerAffiliation" ADD CONSTRAINT "ReviewerAffiliation_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rules Prisma cannot express.
ALTER TABLE "Wave"
  ADD CONSTRAINT "Wave_reviewers_per_dossier_range" CHECK ("reviewersPerDossier" BETWEEN 1 AND 10);

ALTER TABLE "ReviewerRegion"
  ADD CONSTRAINT "ReviewerRegion_code_format" CHECK ("regionCode" ~ '^[0-9]{2}$');

ALTER TABLE "ReviewerAffiliation"
  ADD CONSTRAINT "ReviewerAffiliation_reference_format" CHECK (
    ("kind" = 'FINESS' AND "reference" ~ '^([0-9]{2}|2[AB])[0-9]{7}$')
    OR ("kind" = 'SIRET' AND "reference" ~ '^[0-9]{14}$')
    OR ("kind" = 'ARS' AND "reference" ~ '^[0-9]{2}$')
  ),
  ADD CONSTRAINT "ReviewerAffiliation_dates_order" CHECK ("endsOn" IS NULL OR "endsOn" >= "startsOn");

ALTER TABLE "ReviewerAssignment"
  ADD CONSTRAINT "ReviewerAssignment_override_has_reason" CHECK (
    cardinality(COALESCE("flags", ARRAY[]::TEXT[])) = 0 OR length(btrim(COALESCE("overrideReason", ''))) > 0
  );

-- A declared conflict has a type; « other » says what; a tie with a partner names its SIRET.
ALTER TABLE "ConflictDeclaration"
  ADD CONSTRAINT "ConflictDeclaration_type_when_conflict" CHECK (("hasConflict" AND "type" IS NOT NULL) OR (NOT "hasConflict" AND "type" IS NULL)),
  ADD CONSTRAINT "ConflictDeclaration_other_explained" CHECK ("type" IS DISTINCT FROM 'OTHER' OR length(btrim("details")) > 0),
  ADD CONSTRAINT "ConflictDeclaration_partner_siret" CHECK (
    ("type" = 'PARTNER_TIE' AND "partnerSiret" ~ '^[0-9]{14}$') OR ("type" IS DISTINCT FROM 'PARTNER_TIE' AND "partnerSiret" IS NULL)
  );

-- « Sans objet » carries no value, and only an optional criterion may be « sans objet ».
ALTER TABLE "Score"
  ADD CONSTRAINT "Score_not_applicable_has_no_value" CHECK (NOT "notApplicable" OR "value" IS NULL);

CREATE FUNCTION "score_not_applicable_only_optional"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW."notApplicable" AND (SELECT "required" FROM "Criterion" WHERE "id" = NEW."criterionId") THEN
    RAISE EXCEPTION 'a required criterion cannot be « sans objet »' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Score_not_applicable_only_optional"
  BEFORE INSERT OR UPDATE OF "notApplicable", "criterionId" ON "Score"
  FOR EACH ROW EXECUTE FUNCTION "score_not_applicable_only_optional"();
