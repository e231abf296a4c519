-- The runtime role (ADR 0036): a NOLOGIN group whose members run the app without owning its tables,
-- so that they can neither rewrite the audit log nor disable or drop the triggers that guard it.
-- Migrations keep running as the owner (DATABASE_MIGRATION_URL, or DATABASE_URL); a deployment then
-- serves with DATABASE_URL naming a LOGIN role member of "hospiconnect_runtime" (README).
-- Roles are cluster-wide: created only if absent. A migrating role without CREATEROLE skips the
-- whole step with a NOTICE (an administrator creates the group, then grants as in the README).
DO $$
DECLARE
  here text := quote_ident(current_schema());
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'hospiconnect_runtime') THEN
    BEGIN
      CREATE ROLE hospiconnect_runtime NOLOGIN;
    EXCEPTION
      WHEN duplicate_object OR unique_violation THEN NULL; -- another database of the cluster created it meanwhile
      WHEN insufficient_privilege THEN
        RAISE NOTICE 'role hospiconnect_runtime not created (the migrating role lacks CREATEROLE): see README, « Running on PostgreSQL »';
        RETURN;
    END;
  END IF;

  EXECUTE 'GRANT USAGE ON SCHEMA ' || here || ' TO hospiconnect_runtime';
  EXECUTE 'GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ' || here || ' TO hospiconnect_runtime';
  EXECUTE 'GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ' || here || ' TO hospiconnect_runtime';
  EXECUTE 'GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ' || here || ' TO hospiconnect_runtime';
  -- The audit log is appended to and read, never changed; the migration history is only read (readiness).
  EXECUTE 'REVOKE UPDATE, DELETE, TRUNCATE ON ' || here || '."AuditEvent" FROM hospiconnect_runtime';
  EXECUTE 'REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON ' || here || '."_prisma_migrations" FROM hospiconnect_runtime';
  -- Tables, sequences and functions of later migrations (created by this same owner) get the same grants.
  EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || here || ' GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO hospiconnect_runtime';
  EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || here || ' GRANT USAGE, SELECT ON SEQUENCES TO hospiconnect_runtime';
  EXECUTE 'ALTER DEFAULT PRIVILEGES IN SCHEMA ' || here || ' GRANT EXECUTE ON FUNCTIONS TO hospiconnect_runtime';
END;
$$;
