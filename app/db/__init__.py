"""Storage: SQLAlchemy models, the engine, schema migration and backups."""
