"""Tag suggestions in the window: the panel, its list, the marks in the text, the decision
keys and the background feed.
"""
