-- Names and titles people read in lists sort as French readers expect: « Édith » beside « Emma »,
-- « Centre hospitalier » before « CHRS », where the database's default collation (C) orders by
-- bytes (capitals, then small letters, then accented ones). ICU's root collation orders French as
-- French does, and both the embedded database (PGlite) and PostgreSQL built with ICU have it.
-- Prisma's schema does not describe collations: this migration is their one source.
ALTER TABLE "Establishment" ALTER COLUMN "name" SET DATA TYPE TEXT COLLATE "und-x-icu";
ALTER TABLE "Professional" ALTER COLUMN "lastName" SET DATA TYPE TEXT COLLATE "und-x-icu";
ALTER TABLE "Professional" ALTER COLUMN "firstName" SET DATA TYPE TEXT COLLATE "und-x-icu";
ALTER TABLE "User" ALTER COLUMN "displayName" SET DATA TYPE TEXT COLLATE "und-x-icu";
ALTER TABLE "Wave" ALTER COLUMN "title" SET DATA TYPE TEXT COLLATE "und-x-icu";
ALTER TABLE "Profession" ALTER COLUMN "label" SET DATA TYPE TEXT COLLATE "und-x-icu";
ALTER TABLE "EstablishmentCategory" ALTER COLUMN "label" SET DATA TYPE TEXT COLLATE "und-x-icu";
