"""Import in two steps: a plan the user can correct, then one transaction per file."""

from app.importing.importer import import_paths
from app.importing.plan import plan_file, plan_paths, store_plans
from app.project import Project

INTERVIEW = "{title}\n\n——访某镇镇长{name}\n\n□本报记者 丁霞\n\n记者：今年的重点是什么？\n\n{name}：重点是产业。\n\n记者：还有呢？\n\n{name}：还有民生。\n"
TWO = (
    INTERVIEW.format(title="第一篇", name="李四")
    + "\n"
    + INTERVIEW.format(title="第二篇", name="王五")
)


def write(folder, name, text, encoding="utf-8"):
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def test_plan_shows_what_will_be_imported_and_stores_corrections(tmp_path):
    source = write(tmp_path, "两篇.txt", TWO)
    project = Project.open(tmp_path / "p.fangtan")
    [plan] = plan_paths(project, [tmp_path])
    assert plan.error is None
    assert (plan.source_format, plan.detected_encoding) == ("text", "utf-8")
    assert [d.title for d in plan.interviews] == ["第一篇", "第二篇"]
    assert project.documents() == []  # looking stores nothing

    first = plan.interviews[0]
    first.title = "第一篇：产业"
    first.interviewee_role = "镇长"
    first.roles["李四"] = "question"  # the user says who asks
    report = store_plans(project, [plan])
    assert [d.title for d in report.imported] == ["第一篇：产业", "第二篇"]
    document = project.documents()[0]
    content = project.document(document.id)
    assert content.meta.interviewee_role == "镇长"
    assert content.meta.source_name == source.name
    assert {t.kind for t in content.turns if t.speaker == "李四"} == {"question"}
    project.close()


def test_one_interview_per_file(tmp_path):
    write(tmp_path, "两篇.txt", TWO)
    project = Project.open(tmp_path / "p.fangtan")
    plan = plan_file(project, tmp_path / "两篇.txt", split=False)
    assert len(plan.interviews) == 1
    assert "第二篇" in plan.interviews[0].parsed.text
    project.close()


def test_duplicates_are_marked_in_the_plan_and_skipped(tmp_path):
    write(tmp_path, "a.txt", TWO)
    project = Project.open(tmp_path / "p.fangtan")
    import_paths(project, [tmp_path / "a.txt"])
    write(tmp_path, "copy.txt", TWO)
    plan = plan_file(project, tmp_path / "copy.txt")
    assert [d.duplicate for d in plan.interviews] == [True, True]
    assert plan.new_interviews == []
    report = store_plans(project, [plan])
    assert report.imported == [] and len(report.duplicates) == 2
    assert len(project.documents()) == 2
    project.close()


def test_chosen_encoding_is_used_and_a_wrong_one_is_reported(tmp_path):
    source = write(tmp_path, "gbk.txt", INTERVIEW.format(title="标题", name="陈明"), "gbk")
    project = Project.open(tmp_path / "p.fangtan")
    detected = plan_file(project, source)
    assert detected.error is None and detected.detected_encoding == "gb18030"
    wrong = plan_file(project, source, encoding="utf-8")
    assert wrong.error is not None and "utf-8" in str(wrong.error).lower()
    report = store_plans(project, [wrong])
    assert report.imported == [] and len(report.failures) == 1
    assert project.documents() == []
    project.close()


class CancelAfter:
    """Presses Cancel once ``files`` files have been started."""

    def __init__(self, files):
        self.files = files
        self.started = 0

    def report(self, done, total, current):
        if current:
            self.started += 1

    def cancelled(self):
        return self.started >= self.files


def test_cancel_keeps_exactly_the_files_already_imported(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for number in range(5):
        write(folder, f"{number}.txt", INTERVIEW.format(title=f"第{number}篇", name="李四"))
    project = Project.open(tmp_path / "p.fangtan")
    report = import_paths(project, [folder], CancelAfter(2))
    assert report.cancelled
    assert [d.title for d in project.documents()] == ["第0篇", "第1篇"]
    plans = plan_paths(project, [folder])
    stored = store_plans(project, plans, CancelAfter(1))
    assert stored.cancelled
    project.close()
    reopened = Project.open(tmp_path / "p.fangtan", create=False)
    assert [d.title for d in reopened.documents()] == ["第0篇", "第1篇"]  # 0 and 1 were duplicates
    reopened.close()


def test_a_file_that_vanishes_between_plan_and_import_is_reported(tmp_path):
    source = write(tmp_path, "a.txt", INTERVIEW.format(title="标题", name="李四"))
    project = Project.open(tmp_path / "p.fangtan")
    plan = plan_file(project, source)
    source.unlink()
    report = store_plans(project, [plan])  # the plan holds the text: it still imports
    assert [d.title for d in report.imported] == ["标题"]
    gone = plan_file(project, source)
    assert gone.error is not None and "no such file" in str(gone.error)
    project.close()
