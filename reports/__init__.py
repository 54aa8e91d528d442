"""Conflict reports and audit output renderers."""
