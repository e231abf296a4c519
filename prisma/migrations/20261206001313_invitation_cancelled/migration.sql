-- An invitation can be cancelled by whoever may send it (an address mistyped, a person who will not
-- come): its link then says so and no longer works.
ALTER TABLE "Invitation" ADD COLUMN "cancelledAt" TIMESTAMP(3);
