-- The ANS accounts list searches people as the other lists do (ADR 0032): every word, in any order,
-- without accents or case, in the name or the address, folded by `search_fold` like the others.
ALTER TABLE "User" ADD COLUMN "nameSearch" TEXT GENERATED ALWAYS AS (search_fold("displayName" || ' ' || "email")) STORED;
