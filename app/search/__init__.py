"""Search across a project's texts, and tagging what it finds."""
