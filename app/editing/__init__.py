"""Changing a project: undoable commands, their history, and the codebook's rules."""
