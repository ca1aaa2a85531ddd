"""The window's lists and panels: interviews, tags, annotations and keywords, with the
controllers that turn their clicks into commands.
"""
