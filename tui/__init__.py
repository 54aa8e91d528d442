"""The review TUI (Textual)."""
