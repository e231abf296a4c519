-- Absolute rules that prisma/schema.prisma cannot express. Written by hand; the drift test
-- (lib/db/migrations/drift.int.test.ts) checks that everything else matches the schema.

-- Identifiers: formats (check keys are verified in lib/identifiers, one function per rule).
ALTER TABLE "Establishment"
  ADD CONSTRAINT "Establishment_finessEt_format" CHECK ("finessEt" ~ '^([0-9]{2}|2[AB])[0-9]{7}$'),
  ADD CONSTRAINT "Establishment_finessEj_format" CHECK ("finessEj" ~ '^([0-9]{2}|2[AB])[0-9]{7}$'),
  ADD CONSTRAINT "Establishment_siret_format" CHECK ("siret" ~ '^[0-9]{14}$'),
  ADD CONSTRAINT "Establishment_department_format" CHECK ("departmentCode" ~ '^([0-9]{2}|2[AB]|97[1-6])$'),
  ADD CONSTRAINT "Establishment_region_format" CHECK ("regionCode" ~ '^[0-9]{2}$'),
  ADD CONSTRAINT "Establishment_headcount_positive" CHECK ("headcount" >= 0),
  ADD CONSTRAINT "Establishment_version_positive" CHECK ("version" >= 1);

ALTER TABLE "User"
  ADD CONSTRAINT "User_rpps_format" CHECK ("rpps" ~ '^[0-9]{11}$'),
  ADD CONSTRAINT "User_email_lowercase" CHECK ("email" = lower("email") AND position('@' in "email") > 1);

ALTER TABLE "Partner"
  ADD CONSTRAINT "Partner_siret_format" CHECK ("siret" ~ '^[0-9]{14}$');

-- Invitations: a staff invitation names a role, a member invitation an establishment and a role.
ALTER TABLE "Invitation"
  ADD CONSTRAINT "Invitation_purpose_fields" CHECK (
    ("purpose" = 'STAFF' AND "staffRole" IS NOT NULL AND "establishmentId" IS NULL)
    OR ("purpose" = 'MEMBER' AND "establishmentId" IS NOT NULL AND "membershipRole" IS NOT NULL)
  ),
  ADD CONSTRAINT "Invitation_expiry_after_creation" CHECK ("expiresAt" > "createdAt");

ALTER TABLE "WebAuthnCredential"
  ADD CONSTRAINT "WebAuthnCredential_counter_positive" CHECK ("counter" >= 0);

ALTER TABLE "Session"
  ADD CONSTRAINT "Session_expiry_after_creation" CHECK ("expiresAt" > "createdAt");

-- Waves and grids.
ALTER TABLE "Wave"
  ADD CONSTRAINT "Wave_closes_after_opening" CHECK ("closesAt" > "opensAt"),
  ADD CONSTRAINT "Wave_envelope_positive" CHECK ("fundingEnvelopeCents" >= 0),
  ADD CONSTRAINT "Wave_year_range" CHECK ("year" BETWEEN 2020 AND 2100);

ALTER TABLE "WaveVersion"
  ADD CONSTRAINT "WaveVersion_number_positive" CHECK ("number" >= 1);

ALTER TABLE "Objective"
  ADD CONSTRAINT "Objective_position_positive" CHECK ("position" >= 0);

ALTER TABLE "Criterion"
  ADD CONSTRAINT "Criterion_weight_positive" CHECK ("weight" > 0),
  ADD CONSTRAINT "Criterion_scale_order" CHECK ("scaleMax" > "scaleMin"),
  ADD CONSTRAINT "Criterion_position_positive" CHECK ("position" >= 0);

-- Applications.
ALTER TABLE "Application"
  ADD CONSTRAINT "Application_version_positive" CHECK ("version" >= 1);

ALTER TABLE "ApplicationSection"
  ADD CONSTRAINT "ApplicationSection_version_positive" CHECK ("version" >= 0);

ALTER TABLE "MieStrategyLine"
  ADD CONSTRAINT "MieStrategyLine_headcount_positive" CHECK ("headcount" >= 0);

ALTER TABLE "BudgetLine"
  ADD CONSTRAINT "BudgetLine_amount_positive" CHECK ("amountCents" >= 0);

ALTER TABLE "Attachment"
  ADD CONSTRAINT "Attachment_size_positive" CHECK ("sizeBytes" > 0),
  ADD CONSTRAINT "Attachment_sha256_format" CHECK ("sha256" ~ '^[0-9a-f]{64}$'),
  ADD CONSTRAINT "Attachment_single_owner" CHECK (num_nonnulls("objectiveAssessmentId", "messageId") <= 1);

ALTER TABLE "Submission"
  ADD CONSTRAINT "Submission_hash_format" CHECK ("contentHash" ~ '^[0-9a-f]{64}$');

ALTER TABLE "ApplicationTransition"
  ADD CONSTRAINT "ApplicationTransition_changes_state" CHECK ("fromState" <> "toState");

-- Roster.
ALTER TABLE "Professional"
  ADD CONSTRAINT "Professional_rpps_format" CHECK ("rpps" ~ '^[0-9]{11}$'),
  ADD CONSTRAINT "Professional_registered_has_rpps" CHECK ("rppsStatus" <> 'REGISTERED' OR "rpps" IS NOT NULL),
  ADD CONSTRAINT "Professional_activity_order" CHECK ("activityEnd" IS NULL OR "activityEnd" >= "activityStart"),
  ADD CONSTRAINT "Professional_names_present" CHECK (length(btrim("lastName")) > 0 AND length(btrim("firstName")) > 0),
  ADD CONSTRAINT "Professional_version_positive" CHECK ("version" >= 1);

ALTER TABLE "MieEnrollment"
  ADD CONSTRAINT "MieEnrollment_expiry_order" CHECK ("expiresAt" IS NULL OR "expiresAt" >= "enrolledAt"),
  ADD CONSTRAINT "MieEnrollment_revocation_order" CHECK ("revokedAt" IS NULL OR "revokedAt" >= "enrolledAt");

ALTER TABLE "IndicatorSnapshot"
  ADD CONSTRAINT "IndicatorSnapshot_counts_within_active" CHECK (
    "active" >= 0
    AND "registered" BETWEEN 0 AND "active"
    AND "substantialId" BETWEEN 0 AND "active"
    AND "rieCompliant" BETWEEN 0 AND "active"
    AND "dmpReady" BETWEEN 0 AND "active"
  );

ALTER TABLE "RosterImport"
  ADD CONSTRAINT "RosterImport_counts_positive" CHECK (
    "totalLines" >= 0 AND "created" >= 0 AND "updated" >= 0 AND "rejected" >= 0
  );

-- Review and decision.
ALTER TABLE "Review"
  ADD CONSTRAINT "Review_submitted_has_date" CHECK ("status" <> 'SUBMITTED' OR "submittedAt" IS NOT NULL),
  ADD CONSTRAINT "Review_version_positive" CHECK ("version" >= 1);

ALTER TABLE "Decision"
  ADD CONSTRAINT "Decision_amount_matches_outcome" CHECK (
    ("outcome" = 'SELECTED' AND "amountGrantedCents" IS NOT NULL AND "amountGrantedCents" >= 0)
    OR ("outcome" = 'REJECTED' AND "amountGrantedCents" IS NULL)
  );

ALTER TABLE "OutboxEmail"
  ADD CONSTRAINT "OutboxEmail_attempts_positive" CHECK ("attempts" >= 0);

-- A score stays within the scale of its criterion.
CREATE FUNCTION "score_within_scale"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  low integer;
  high integer;
BEGIN
  SELECT "scaleMin", "scaleMax" INTO low, high FROM "Criterion" WHERE "id" = NEW."criterionId";
  IF NEW."value" < low OR NEW."value" > high THEN
    RAISE EXCEPTION 'score % is outside the scale [%, %] of its criterion', NEW."value", low, high
      USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END;
$$;

CREATE TRIGGER "Score_within_scale"
  BEFORE INSERT OR UPDATE OF "value", "criterionId" ON "Score"
  FOR EACH ROW EXECUTE FUNCTION "score_within_scale"();

-- The audit log is append-only, whoever connects.
CREATE FUNCTION "audit_event_is_append_only"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the audit log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEvent_no_update_or_delete"
  BEFORE UPDATE OR DELETE ON "AuditEvent"
  FOR EACH ROW EXECUTE FUNCTION "audit_event_is_append_only"();

CREATE TRIGGER "AuditEvent_no_truncate"
  BEFORE TRUNCATE ON "AuditEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "audit_event_is_append_only"();
