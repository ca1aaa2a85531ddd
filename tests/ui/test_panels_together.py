"""Panels work together: a keyword clicked in the Keywords panel is searched across the project."""


def test_clicking_a_keyword_searches_for_it(qtbot, open_window, sample_project):
    window = open_window(sample_project)
    window.keywords_panel.search_requested.emit("民生")
    panel = window.search_panel
    qtbot.waitUntil(lambda: panel.isVisible())
    qtbot.waitUntil(lambda: panel.field.text() == "民生")
    qtbot.waitUntil(lambda: panel.table_model.rowCount() > 0)
    assert all(hit.hit == "民生" for hit in panel.table_model.hits)
