"""CoNLL export cuts tokens with the project's dictionary, as it is at export time."""

import pytest

from app.chinese.dictionary import AddTerms, RemoveTerms
from app.editing.commands import AnnotationSpec, CreateAnnotations
from app.editing.history import History
from app.exchange import ExportOptions, export

pytestmark = pytest.mark.both_backends


def tokens_of(path):
    return [line.split("\t") for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_conll_tokens_follow_the_user_dictionary(sample_project, tmp_path):
    project = sample_project
    content = project.document(1)
    start = content.text.index("董家口经济区")
    tag = project.tags()[0]
    project.execute(
        CreateAnnotations((AnnotationSpec(1, tag.id, start, start + len("董家口经济区")),))
    )
    options = ExportOptions(unit="token")

    first = tmp_path / "seeded.conll"
    export(project, "conll", first, options)
    rows = tokens_of(first)
    assert ["董家口经济区", f"B-{tag.name}"] in rows
    assert ["泊里镇", "O"] in rows
    assert ["创新突破年", "O"] in rows

    history = History(project)
    history.do(RemoveTerms(("董家口", "董家口经济区")), "remove")
    history.do(AddTerms(("宜居宜业宜游",)), "add")
    second = tmp_path / "changed.conll"
    export(project, "conll", second, options)
    rows = tokens_of(second)
    assert ["董家", f"B-{tag.name}"] in rows  # jieba's own cut: 董家/口/经济区
    assert ["口", f"I-{tag.name}"] in rows
    assert ["经济区", f"I-{tag.name}"] in rows
    assert ["宜居宜业宜游", "O"] in rows  # the new term, without a restart
