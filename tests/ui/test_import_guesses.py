"""The import preview says what it guessed, and one click on a turn's box fixes its kind."""

from app.importing import guesses
from app.importing.plan import plan_file, plan_paths
from app.project import Project
from tests.ui.conftest import reopen
from ui.dialogs.import_preview import ImportDialog

# No speaker labels anywhere: every paragraph is narration, and the preview says so.
ARTICLE = (
    "老街改造纪实\n\n"
    "一、从一条老街说起\n\n"
    "清晨的石板路上，早点铺已经排起了队。街道去年开始整治这条老街。\n\n"
    "二、居民怎么说\n\n"
    "住了四十年的老人说，下水道通了，晚上也有了路灯。\n"
)


def test_guesses_are_shown_and_a_turn_becomes_a_heading_in_one_click(qtbot, open_window, tmp_path):
    path = tmp_path / "p.fangtan"
    Project.open(path).close()
    source = tmp_path / "老街.txt"
    source.write_text(ARTICLE, encoding="utf-8")
    window = open_window(path)
    project = window.session.project
    plans = plan_paths(project, [source])
    dialog = ImportDialog(plans, lambda plan, enc, split: plan_file(project, plan.path, enc, split))
    qtbot.addWidget(dialog)
    dialog.show()
    draft = dialog.plans[0].interviews[0]
    assert guesses.NO_LABELS in draft.parsed.guesses
    assert dialog.guesses.isVisible()
    assert "no speaker labels found" in dialog.guesses.text()

    texts = [dialog.turns.item(row, 2).text() for row in range(dialog.turns.rowCount())]
    row = next(i for i, text in enumerate(texts) if text.startswith("二、居民怎么说"))
    box = dialog.turns.cellWidget(row, 1)
    box.setCurrentIndex(box.findData("heading"))

    reports = []
    window.transfers.imported.connect(reports.append)
    window.transfers.store(dialog.plans)
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=10_000)
    window.session.close()
    project = reopen(path)
    content = project.document(project.documents()[0].id)
    project.close()
    kinds = {content.text[t.content_start : t.end]: t.kind for t in content.turns}
    assert kinds["二、居民怎么说"] == "heading"


def test_a_labelled_interview_shows_no_guess_banner(qtbot, tmp_path):
    project = Project.open(tmp_path / "p.fangtan")
    source = tmp_path / "a.txt"
    source.write_text(
        "城市更新怎么做\n\n——访街道党工委书记王信卿\n\n记者：城市更新怎么做？\n\n王信卿：分三步走。\n",
        encoding="utf-8",
    )
    dialog = ImportDialog(plan_paths(project, [source]), lambda plan, enc, split: plan)
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.guesses.isVisible()
    assert dialog.turns.rowCount() == len(dialog.plans[0].interviews[0].parsed.turns)
    project.close()
