"""The search panel, its hit list and the tag chooser for tagging hits."""
