"""Use cases of Fangtan: projects, import, tagging, undo, export, and the command line."""

__version__ = "0.1.0"
