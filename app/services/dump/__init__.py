"""`songjiao dump` / `load`: the whole database as documented JSON, and loading it into an empty database.

The format is described by resources/dump.schema.json (JSON Schema 2020-12, generated from the models by
packaging/gen_dump_schema.py). Drafts (unsaved editor text) are not part of it: they belong to one machine.
write.py writes a dump one row a line; load.py checks a file completely and then loads it (reading write.py's
layout line by line with stream.py); rows.py decodes, checks and inserts rows; check.py holds the JSON Schema
checks, schema.py builds the schema from table definitions, older.py brings a dump of an older database
revision up to date through the migrations; protect.py encrypts a dump (to a passphrase or the office key) with
app/services/sealed.py, and opens one again.
"""

from app.services.dump.check import SCHEMA_PATH, SchemaCheck, committed_schema
from app.services.dump.load import CheckedDump, Source, check_dump, load_checked, load_dump
from app.services.dump.older import upgrade_dump
from app.services.dump.protect import (
    office_private_key,
    office_recipient,
    sealed_kind,
    unlock_dump,
    write_sealed_dump,
)
from app.services.dump.schema import FORMAT, VERSION, build_schema
from app.services.dump.write import DUMP_TABLES, dump_database, write_dump
from app.services.sealed import check_passphrase

__all__ = [
    "DUMP_TABLES",
    "FORMAT",
    "SCHEMA_PATH",
    "VERSION",
    "CheckedDump",
    "SchemaCheck",
    "Source",
    "build_schema",
    "check_dump",
    "check_passphrase",
    "committed_schema",
    "dump_database",
    "load_checked",
    "load_dump",
    "office_private_key",
    "office_recipient",
    "sealed_kind",
    "unlock_dump",
    "upgrade_dump",
    "write_dump",
    "write_sealed_dump",
]
