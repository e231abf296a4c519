-- A dossier's number, read as its reference « HC-00042 »: what people quote on the phone, in letters
-- and in exports. Existing dossiers are numbered in the order they were started, then the sequence
-- takes over (the column is what `SERIAL` would make, filled in that order rather than the table's).
CREATE SEQUENCE "Application_number_seq" AS INTEGER;
ALTER TABLE "Application" ADD COLUMN "number" INTEGER;
UPDATE "Application" AS a SET "number" = numbered.n
  FROM (SELECT "id", row_number() OVER (ORDER BY "createdAt", "id") AS n FROM "Application") AS numbered
  WHERE a."id" = numbered."id";
SELECT setval('"Application_number_seq"', COALESCE((SELECT max("number") FROM "Application"), 0) + 1, false);
ALTER TABLE "Application"
  ALTER COLUMN "number" SET DEFAULT nextval('"Application_number_seq"'),
  ALTER COLUMN "number" SET NOT NULL;
ALTER SEQUENCE "Application_number_seq" OWNED BY "Application"."number";

-- CreateIndex
CREATE UNIQUE INDEX "Application_number_key" ON "Application"("number");
