"""Numbers about a project's coding and the coded passages themselves.

- ``app.statistics.matrix``: ``tag_matrix(project)`` (tag × document counts, the same
  grouped by interviewee, outlet, series and month, coverage of each document) and
  ``coding_progress(project)`` (document statuses overall and per annotator);
- ``app.statistics.cooccurrence``: ``cooccurrence(project)``, which tags go together;
- ``app.statistics.passages``: ``passages(project, PassageQuery(...))``, the coded
  passages matching a query with the turn around each, page by page;
- ``overview(project)`` here: the matrix, co-occurrence and progress read at once.

Everything returns frozen dataclasses; nothing here holds a session or an ORM object.
"""

from dataclasses import dataclass
from typing import TYPE_CHECKING

from app.project import Project

if TYPE_CHECKING:
    # The counting modules load numpy; the window loads them when first used.
    from app.statistics.cooccurrence import Cooccurrence
    from app.statistics.matrix import TagMatrix
    from app.statistics.progress import CodingProgress


@dataclass(frozen=True)
class Overview:
    matrix: "TagMatrix"
    cooccurrence: "Cooccurrence"
    progress: "CodingProgress"


def overview(project: Project) -> Overview:
    """The tag matrix, co-occurrence and progress, from one reading of the project."""
    from app.statistics.cooccurrence import build_cooccurrence
    from app.statistics.matrix import build_matrix, load_corpus
    from app.statistics.progress import build_progress

    with project.reading() as session:
        corpus = load_corpus(session)
    return Overview(
        matrix=build_matrix(corpus),
        cooccurrence=build_cooccurrence(corpus),
        progress=build_progress(corpus),
    )
