"""Web pages from a CMS: the article's text only, decoded as declared or detected."""

import pytest

from app.importing.errors import NoTextError, UnsupportedEncodingError
from app.importing.formats.webpage import declared_charset
from app.importing.layout import parse_interviews
from app.importing.notes import ImportNote
from app.importing.reading import load_source

ARTICLE = """
<div class="article-title">
  <h1>奋力打造实力之城</h1>
  <p class="subtitle">——访泊里镇党委书记刘在军</p>
</div>
<div id="content" class="TRS_Editor">
  <p>□本报记者 丁霞</p>
  <p>&nbsp;&nbsp;记者：2023年是全面贯彻党的二十大精神的开局之年，
  泊里镇有哪些新的打算？</p>
  <p><strong>刘在军：</strong>今年，泊里镇将聚焦产业发展，<a href="/h2">大力推进氢能产业园区建设</a>。</p>
  <p>记者：在民生方面，泊里镇将如何提升群众的幸福感？</p>
  <p>刘在军：我们将持续改善人居环境，<br>新建两处社区服务中心。</p>
</div>
"""
FURNITURE = """
<div class="header"><h1><a href="/">西海岸新闻网</a></h1><div class="logo">LOGO</div></div>
<nav><a href="/">首页</a><a href="/news">新闻</a></nav>
<div class="crumbs">当前位置：首页 &gt; 新闻中心</div>
<div id="topNav" class="menu"><ul><li>要闻</li><li>民生</li></ul></div>
"""
AFTER = """
<div class="bdsharebuttonbox"><a class="bds_weixin">分享到微信</a></div>
<div id="comments"><p>网友评论：写得好！</p></div>
<aside><p>热门新闻：记者：这不是正文</p></aside>
<div class="related-news"><ul><li>另一篇报道</li></ul></div>
<div class="ad-banner">广告</div>
<form><input value="搜索"><button>搜索</button></form>
<footer>版权所有 西海岸新闻网</footer>
<script>document.write("记者：脚本里的字");</script>
<noscript>请启用脚本</noscript>
"""
EXPECTED = [
    "奋力打造实力之城",
    "——访泊里镇党委书记刘在军",
    "□本报记者 丁霞",
    "记者：2023年是全面贯彻党的二十大精神的开局之年，泊里镇有哪些新的打算？",
    "刘在军：今年，泊里镇将聚焦产业发展，大力推进氢能产业园区建设。",
    "记者：在民生方面，泊里镇将如何提升群众的幸福感？",
    "刘在军：我们将持续改善人居环境，\n新建两处社区服务中心。",
]


def page(
    body: str,
    head: str = "",
    charset: str = "utf-8",
    title: str = "奋力打造实力之城_新闻中心_西海岸新闻网",
) -> str:
    meta = f'<meta charset="{charset}">' if charset else ""
    return (
        f"<!DOCTYPE html>\n<html><head>{meta}<title>{title}</title>"
        f"<style>p {{ color: red }}</style>{head}</head><body>{body}</body></html>"
    )


def check_interview(text: str) -> None:
    [interview] = parse_interviews(text, fallback_title="fallback")
    assert interview.title == "奋力打造实力之城"
    assert (interview.interviewee, interview.interviewee_role) == ("刘在军", "泊里镇党委书记")
    assert interview.reporter == "丁霞"
    turns = [(t.speaker, t.kind) for t in interview.turns if t.kind in ("question", "answer")]
    assert turns == [("记者", "question"), ("刘在军", "answer")] * 2


def test_cms_page_end_to_end(write_source) -> None:
    html = page(FURNITURE + '<div class="main-box">' + ARTICLE + AFTER + "</div>")
    source = load_source(write_source("专访 页面.html", html))
    assert (source.format, source.encoding, source.title) == ("html", "utf-8", "奋力打造实力之城")
    assert source.text.split("\n\n") == EXPECTED
    check_interview(source.text)


@pytest.mark.parametrize(
    ("charset", "python_encoding", "meta"),
    [
        ("gb2312", "gbk", '<meta charset="gb2312">'),
        ("gbk", "gbk", '<meta http-equiv="Content-Type" content="text/html; charset=GBK">'),
        ("gb18030", "gb18030", "<meta charset='GB18030'>"),
    ],
)
def test_gb_page_uses_its_declared_charset(write_source, charset, python_encoding, meta) -> None:
    html = page(ARTICLE, head=meta, charset="")
    source = load_source(write_source("gb.htm", html.encode(python_encoding)))
    assert source.encoding == "gb18030"
    assert source.warnings == ()
    assert source.text.split("\n\n") == EXPECTED


def test_big5_page(write_source) -> None:
    body = "<article><h1>專訪</h1><p>記者：今年有什麼計劃？</p><p>王信卿：我們將繼續努力。</p></article>"
    source = load_source(
        write_source("big5.html", page(body, charset="big5", title="專訪").encode("big5"))
    )
    assert source.encoding == "big5"
    assert source.text == "專訪\n\n記者：今年有什麼計劃？\n\n王信卿：我們將繼續努力。"


def test_wrong_declaration_is_overruled_with_a_warning(write_source) -> None:
    html = page(ARTICLE, charset="gb2312")  # declares gb2312, is UTF-8
    source = load_source(write_source("wrong.html", html.encode("utf-8")))
    assert source.encoding == "utf-8"
    assert source.text.split("\n\n") == EXPECTED
    assert source.warnings == (ImportNote.of("charset_mismatch", charset="gb2312"),)


def test_unsupported_declaration_falls_back_to_detection(write_source) -> None:
    html = page(ARTICLE, charset="iso-8859-1")
    source = load_source(write_source("latin.html", html.encode("gbk")))
    assert source.encoding == "gb18030"
    assert source.warnings == (ImportNote.of("charset_unknown", charset="iso-8859-1"),)


def test_undeclared_gbk_page_is_detected(write_source) -> None:
    source = load_source(write_source("plain.html", page(ARTICLE, charset="").encode("gbk")))
    assert source.encoding == "gb18030"
    check_interview(source.text)


def test_forced_encoding_wins_over_the_declaration(write_source) -> None:
    html = page(ARTICLE, charset="big5").encode("gbk")
    source = load_source(write_source("forced.html", html), encoding="gbk")
    assert source.encoding == "gb18030"
    assert source.warnings == ()
    check_interview(source.text)


def test_page_in_an_encoding_fangtan_does_not_read(write_source) -> None:
    korean = "<p>기자: 올해 지역 경제 발전을 위해 어떤 새로운 계획이 있습니까?</p>" * 3
    html = page(korean, charset="", title="기자")
    with pytest.raises(UnsupportedEncodingError):
        load_source(write_source("korean.html", html.encode("euc-kr")))


def test_declared_charset_forms() -> None:
    assert declared_charset(b'<meta charset="utf-8">') == "utf-8"
    assert (
        declared_charset(b"<META HTTP-EQUIV='Content-Type' CONTENT='text/html;charset=gbk'>")
        == "gbk"
    )
    assert declared_charset(b'<?xml version="1.0" encoding="big5"?><html>') == "big5"
    assert declared_charset(b"<p>no declaration</p>") is None


def test_article_element_is_preferred(write_source) -> None:
    body = (
        "<div class='sidebar'><p>侧栏</p></div><div><p>页面上的其他文字。</p></div>"
        "<article><header><h1>文章标题</h1><p class='byline'>□本报记者 丁霞</p></header>"
        "<p>记者：问题？</p><p>张三：回答。</p><footer>责任编辑：王五</footer></article>"
        "<article><p>短</p></article>"
    )
    source = load_source(write_source("article.html", page(body)))
    assert source.text.split("\n\n") == [
        "文章标题",
        "□本报记者 丁霞",
        "记者：问题？",
        "张三：回答。",
    ]
    assert source.title == "文章标题"


def test_main_element_is_used_when_there_is_no_article(write_source) -> None:
    body = "<div><p>导航文字</p></div><main><h1>标题</h1><p>正文。</p></main><div><p>页脚文字</p></div>"
    source = load_source(write_source("main.html", page(body)))
    assert source.text == "标题\n\n正文。"


def test_title_falls_back_to_the_page_title(write_source) -> None:
    source = load_source(write_source("notitle.html", page("<p>记者：你好？</p>")))
    assert source.title == "奋力打造实力之城"


def test_no_title_at_all(write_source) -> None:
    source = load_source(write_source("bare.html", "<html><body><p>记者：你好？</p></body></html>"))
    assert (source.title, source.text) == ("", "记者：你好？")


def test_blocks_lists_tables_and_preformatted_text(write_source) -> None:
    body = (
        "<div>第一块<span>接着</span></div><ul><li>一</li><li>二</li></ul>"
        "<table><tr><td>甲</td><td>乙</td></tr></table>"
        "<pre>记者：保留\n  原样</pre><p>English  words\n  wrap with   one space</p>"
        "<p>中文\n换行不加空格</p><!-- 注释 -->"
    )
    source = load_source(write_source("blocks.html", page(body)))
    assert source.text.split("\n\n") == [
        "第一块接着",
        "一",
        "二",
        "甲",
        "乙",
        "记者：保留\n原样",
        "English words wrap with one space",
        "中文换行不加空格",
    ]


def test_hidden_elements_are_dropped(write_source) -> None:
    body = (
        "<p>看得见</p><p style='display: none'>看不见</p><p hidden>也看不见</p>"
        "<div aria-hidden='true'>隐藏</div><div role='navigation'>导航</div>"
    )
    assert load_source(write_source("hidden.html", page(body))).text == "看得见"


def test_a_content_container_named_like_furniture_is_kept_when_it_holds_the_text(
    write_source,
) -> None:
    words = "".join(f"<p>记者：第{number}个问题的很长很长的正文内容？</p>" for number in range(5))
    body = f"<div class='comment-style-box'>{words}</div><div class='share'><p>分享</p></div>"
    text = load_source(write_source("odd-names.html", page(body))).text
    assert text.count("记者：") == 5
    assert "分享" not in text


def test_page_with_only_scripts_holds_no_text(write_source) -> None:
    html = page("<script>var x = '记者：你好';</script><nav>首页</nav>")
    with pytest.raises(NoTextError):
        load_source(write_source("scripts.html", html))


def test_deeply_nested_page(write_source) -> None:
    html = page("<div>" * 3000 + "<p>记者：很深？</p>" + "</div>" * 3000)
    assert load_source(write_source("deep.html", html)).text == "记者：很深？"
