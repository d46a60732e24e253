"""Moved to the core (:mod:`ngo_audit.schema_check`): every open of an audit file checks its schema."""

from ..schema_check import SchemaEntry, check_schema, connect_untrusted, reference_schema

__all__ = ["SchemaEntry", "check_schema", "connect_untrusted", "reference_schema"]
