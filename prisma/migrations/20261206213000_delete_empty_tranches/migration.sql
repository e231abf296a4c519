-- A tranche of 0 € is no tranche (ADR 0021, amendment of 6 December 2026): createTranches no longer
-- stores one. Those stored before (a wave's advance share of 0 % or 100 %, or an amount that rounds
-- to nothing) go while nothing is recorded on them: planned, due or cancelled. One a manager has
-- ordered or paid stays, with its recorded steps, to be paid or corrected as any other.
DELETE FROM "Tranche" WHERE "amountCents" = 0 AND "status" IN ('PLANNED', 'DUE', 'CANCELLED');
