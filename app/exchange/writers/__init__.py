"""Writing a project's annotations to exchange files: ``formats.export`` picks the writer
of each format (tables as csv and xlsx, span formats, brat, CoNLL, REFI-QDA), which reads
what to write from a ``Corpus`` and stages its files so that nothing half-written stays.
"""
