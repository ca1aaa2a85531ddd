"""Dialogs the window opens: document properties, import preview, export, preferences,
tags, word lists, backups and the shortcut sheet.
"""
