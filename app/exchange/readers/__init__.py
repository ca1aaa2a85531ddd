"""Reading annotation files from other tools into plain values (app/exchange/incoming.py)
and storing them in a project: ``files.read_annotation_file`` picks the reader (doccano
and Label Studio in ``spans``, REFI-QDA in ``qdpx``), ``intake`` stores what was read.
"""
