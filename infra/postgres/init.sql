-- The festival database: one schema per service, each holding that service's eventsourcing tables.
-- eventsourcing creates its tables (CREATE_TABLE=y, the default) but not the schema named by
-- POSTGRES_SCHEMA, which festival_kit.settings sets to the service name with '-' as '_'.
-- The postgres image runs this once, in POSTGRES_DB=festival; elsewhere: psql -d festival -f init.sql

CREATE SCHEMA IF NOT EXISTS registry;
CREATE SCHEMA IF NOT EXISTS intake;
CREATE SCHEMA IF NOT EXISTS media_inspection;
CREATE SCHEMA IF NOT EXISTS review;
CREATE SCHEMA IF NOT EXISTS scoring;
CREATE SCHEMA IF NOT EXISTS awards;
CREATE SCHEMA IF NOT EXISTS audit;
-- The gateway owns no aggregates, but compose gives it FESTIVAL_STORE=postgres too (projections, tracking).
CREATE SCHEMA IF NOT EXISTS gateway;
