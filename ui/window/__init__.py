"""The window's plumbing: the project session, background tasks, languages, error dialogs,
panel layout, imports and exports in the background.
"""
