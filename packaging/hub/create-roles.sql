-- The two PostgreSQL roles of a school's hub (docs/hub.md); run once as the postgres superuser:
--   sudo -u postgres psql -v owner_pw="'...'" -v hub_pw="'...'" -f create-roles.sql
-- songjiao:     owns the database and its tables; the office application and migrations use it.
-- songjiao_hub: what the hub connects as. Owns nothing, cannot bypass row-level security.
CREATE ROLE songjiao LOGIN PASSWORD :owner_pw NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE ROLE songjiao_hub LOGIN PASSWORD :hub_pw NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS;
CREATE DATABASE songjiao OWNER songjiao ENCODING 'UTF8' TEMPLATE template0;
\connect songjiao
ALTER SCHEMA public OWNER TO songjiao;
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT CONNECT ON DATABASE songjiao TO songjiao_hub;
