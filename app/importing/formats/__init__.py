"""Readers that turn one source file's bytes into plain interview text.

Each format has its own module and one entry function taking the file's bytes and
the name to show in messages, returning an :class:`~app.importing.formats.base.Extracted`:

- :mod:`.plaintext` — ``.txt``, ``.md``, ``.text``
- :mod:`.word` — ``.docx`` (python-docx)
- :mod:`.webpage` — ``.html``, ``.htm`` (Beautiful Soup)
- :mod:`.pdf` — ``.pdf`` with a text layer (pdfminer.six)

:mod:`.charsets` finds the encoding of text and HTML files, :mod:`.sniff` tells
formats apart by their first bytes. ``app.importing.reading.load_source`` picks the
reader. Nothing here imports Qt or touches a project.
"""
