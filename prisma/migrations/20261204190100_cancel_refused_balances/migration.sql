-- A cancelled tranche (a balance whose results were refused) was never due, ordered nor paid.
-- Its own migration: PostgreSQL lets a new enum value be used once the one adding it is committed.
ALTER TABLE "Tranche" DROP CONSTRAINT "Tranche_state_columns";
ALTER TABLE "Tranche" ADD CONSTRAINT "Tranche_state_columns" CHECK (
  ("status" IN ('PLANNED', 'CANCELLED') OR "dueAt" IS NOT NULL)
  AND (("status" IN ('ORDERED', 'PAID')) = ("orderedOn" IS NOT NULL))
  AND (("status" = 'PAID') = ("paidOn" IS NOT NULL AND "paymentReference" IS NOT NULL AND "paymentReference" <> ''))
  AND ("status" <> 'CANCELLED' OR "dueAt" IS NULL)
);

-- The balances of the dossiers whose results were refused before this migration.
UPDATE "Tranche" t
SET "status" = 'CANCELLED', "updatedAt" = now()
FROM "ResultVerification" v
JOIN "ResultDeclaration" d ON d."id" = v."declarationId"
WHERE t."kind" = 'BALANCE' AND t."status" = 'PLANNED' AND d."applicationId" = t."applicationId" AND v."state" = 'REFUSED';
