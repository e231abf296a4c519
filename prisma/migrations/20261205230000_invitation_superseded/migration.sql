-- An invitation is superseded when the same address is invited again for the same purpose (the ANS
-- team, or the same establishment): only the newest link works, so a role corrected by a second
-- invitation is the one the person gets.
ALTER TABLE "Invitation" ADD COLUMN "supersededAt" TIMESTAMP(3);
