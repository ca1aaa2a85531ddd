"""Web pages (``.html``, ``.htm``) saved from a CMS: the article's text, nothing else.

Decoding: an encoding the caller forces, else a byte order mark, else the page's own
``<meta charset>`` / ``http-equiv`` / XML declaration (checked like any guess: a page
that declares gb2312 but is really UTF-8 is read as UTF-8, with a warning), else
detection as for text files.

What is dropped: scripts, styles, ``noscript``, ``template``, frames, forms and their
controls, ``nav``, ``aside``, page-level ``header`` and ``footer`` (a ``header`` inside
an ``article`` is kept: it holds the article's title and byline), hidden elements, and
elements whose class or id names navigation, menus, breadcrumbs, share buttons,
comments, ads, banners, related links and the like (English and pinyin names:
``share``, ``bdshare``, ``fenxiang``, ``comment``, ``pinglun``, ``breadcrumb``,
``mbx``, ``ad``, ``guanggao``…). An element is never dropped by its class when it holds
the article or most of the page's text.

Where the text comes from: the ``article`` with the most text if there is one, else
``main``, else the container whose class or id names the content (``content``,
``article``, ``TRS_Editor``, ``zhengwen``…) holding most of the page's paragraph
text, else the whole body. When the page's first ``h1`` lies outside that element,
the element is widened to take it in, so the title and the "——访…" line stay with
the text.

Block elements (``p``, ``div``, headings, list items, table cells…) become
paragraphs, separated by blank lines; ``<br>`` becomes a line break. White space is
collapsed as a browser does, and a line break in the source between two Chinese
characters disappears instead of becoming a space.

The title is the first ``h1`` of the text, else the page's ``<title>`` without the
site's name (the part after "_", "|" or " - ").
"""

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.element import PreformattedString

from app.importing.formats.base import Extracted, finish_text, join_paragraphs
from app.importing.formats.charsets import decode_text

_DROPPED_TAGS = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "frame",
    "frameset",
    "object",
    "embed",
    "svg",
    "canvas",
    "form",
    "button",
    "select",
    "input",
    "textarea",
    "nav",
    "aside",
    "dialog",
    "head",
)
_DROPPED_ROLES = frozenset(
    {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu"}
)
# Class or id tokens that mark page furniture.
_NOISE_TOKENS = frozenset(
    {
        "nav",
        "navbar",
        "navigation",
        "menu",
        "menus",
        "submenu",
        "breadcrumb",
        "breadcrumbs",
        "crumb",
        "crumbs",
        "share",
        "sharing",
        "social",
        "comment",
        "comments",
        "reply",
        "replies",
        "ad",
        "ads",
        "advert",
        "adverts",
        "advertisement",
        "adsense",
        "banner",
        "sponsor",
        "sponsored",
        "promo",
        "related",
        "recommend",
        "recommended",
        "sidebar",
        "toolbar",
        "pagination",
        "pager",
        "copyright",
        "login",
        "subscribe",
        "newsletter",
        "cookie",
        "cookies",
        "popup",
        "modal",
        "qrcode",
        "footer",
        "hot",
        "rank",
        "ranking",
        "gotop",
        "backtop",
        "position",
        "location",
        "curpos",
        # pinyin and its initials, as Chinese CMS templates name things
        "fenxiang",
        "pinglun",
        "daohang",
        "guanggao",
        "dh",
        "mbx",
        "weizhi",
        "dqwz",
        "xgxw",
        "xgwz",
        "xiangguan",
        "tuijian",
        "dayin",
        "bdshare",
        "jiathis",
    }
)
# Tokens of a page's masthead; furniture unless the name also says title or content
# ("article-header" holds the article's title) or the element is inside an article.
_MASTHEAD_TOKENS = frozenset({"header", "head", "logo", "top", "topbar", "masthead", "site"})
_ARTICLE_PART_TOKENS = frozenset(
    {"article", "title", "content", "post", "entry", "detail", "main", "text", "story"}
)
# Substrings that mark furniture even inside a longer name ("bdsharebuttonbox").
_NOISE_PARTS = ("share", "comment", "breadcrumb", "advert", "sidebar", "fenxiang", "pinglun")
_CONTENT_TOKENS = frozenset(
    {
        "content",
        "article",
        "post",
        "entry",
        "story",
        "detail",
        "details",
        "main",
        "text",
        "body",
        "trs",
        "editor",
        "zhengwen",
        "zw",
        "wenzhang",
        "neirong",
        "nr",
    }
)
_BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
    }
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.:-]+)""")
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SITE_SEPARATOR = re.compile(r"\s*[_|｜]\s*|\s+[-–—]\s+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\n\r\f\xa0]+")
_BREADCRUMB = re.compile(r"^(?:当前位置|您的位置|您现在的位置|你的位置|当前的位置)\s*[:：]")
_LINE_BREAK = "\u2028"  # stands for <br> until white space is collapsed
# Content containers must hold at least this share of the page's paragraph text.
_CONTENT_SHARE = 0.5


def read_html(data: bytes, shown: str, encoding: str | None = None) -> Extracted:
    declared = None if encoding else declared_charset(data)
    decoded = decode_text(data, shown, encoding, declared)
    soup = BeautifulSoup(decoded.text, "lxml")
    page_title = _page_title(soup)
    body = soup.body or soup
    _drop_furniture(body)
    root, heading = _content_root(body, page_title)
    paragraphs = list(_paragraphs(root))
    title = _clean(heading.get_text()) if heading is not None else ""
    text = finish_text(join_paragraphs(paragraphs), shown)
    return Extracted(
        text=text,
        encoding=decoded.encoding,
        title=title or page_title,
        warnings=decoded.warnings,
    )


def declared_charset(data: bytes) -> str | None:
    """The charset a page names in its first few kilobytes, if any."""
    head = data[:8192]
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    return match.group(1).decode("ascii") if match else None


def _page_title(soup: BeautifulSoup) -> str:
    tag = soup.find("title")
    if tag is None:
        return ""
    parts = [part for part in _SITE_SEPARATOR.split(_clean(tag.get_text())) if part]
    return parts[0] if parts else ""


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


# Dropping page furniture ----------------------------------------------------------


def _drop_furniture(body: Tag) -> None:
    for tag in body.find_all(_DROPPED_TAGS):
        tag.decompose()
    for tag in body.find_all(["header", "footer"]):
        if tag.find_parent("article") is None or tag.name == "footer":
            tag.decompose()
    hidden = [
        tag
        for tag in body.find_all(True)
        if tag.has_attr("hidden")
        or tag.get("aria-hidden") == "true"
        or _HIDDEN_STYLE.search(str(tag.get("style", "")))
        or str(tag.get("role", "")).lower() in _DROPPED_ROLES
    ]
    for tag in hidden:
        if not tag.decomposed:
            tag.decompose()
    total = _paragraph_text_length(body)
    noisy = [tag for tag in body.find_all(True) if _looks_like_furniture(tag)]
    for tag in noisy:
        if tag.decomposed or tag.find(["article", "main"]) is not None:
            continue
        if total and _paragraph_text_length(tag) > total * _CONTENT_SHARE:
            continue
        tag.decompose()


def _names(tag: Tag) -> list[str]:
    """Lower-case tokens of a tag's class and id ("bdShareBox" -> bd, share, box)."""
    classes: object = tag.get("class") or []
    values = [*map(str, classes), str(tag.get("id") or "")] if isinstance(classes, list) else []
    tokens: list[str] = []
    for value in values:
        tokens.extend(t for t in _TOKEN_SPLIT.split(_CAMEL.sub("-", value).lower()) if t)
    return tokens


def _looks_like_furniture(tag: Tag) -> bool:
    if tag.name in ("body", "html", "article", "main"):
        return False
    tokens = set(_names(tag))
    if tokens & _NOISE_TOKENS or any(part in token for token in tokens for part in _NOISE_PARTS):
        return True
    return (
        bool(tokens & _MASTHEAD_TOKENS)
        and not tokens & _ARTICLE_PART_TOKENS
        and tag.find_parent("article") is None
    )


def _paragraph_text_length(tag: Tag) -> int:
    return sum(len(p.get_text(strip=True)) for p in tag.find_all("p")) or len(
        tag.get_text(strip=True)
    )


# Finding the article -----------------------------------------------------------------


def _content_root(body: Tag, page_title: str) -> tuple[Tag, Tag | None]:
    """The element holding the article, and the article's ``h1`` (its title), if any."""
    root = _article(body)
    heading = _title_heading(body, page_title)
    if root is not body and heading is not None and not _contains(root, heading):
        root = _common_ancestor(root, heading) or body
    return root, heading if heading is not None and _contains(root, heading) else None


def _title_heading(body: Tag, page_title: str) -> Tag | None:
    """The ``h1`` that repeats the page's ``<title>``, else the first ``h1``."""
    headings = body.find_all("h1")
    for heading in headings:
        text = _clean(heading.get_text())
        if text and page_title and (text in page_title or page_title in text):
            return heading
    return headings[0] if headings else None


def _article(body: Tag) -> Tag:
    articles = body.find_all("article")
    if articles:
        return max(articles, key=lambda tag: len(tag.get_text(strip=True)))
    main = body.find("main") or body.find(role="main")
    if isinstance(main, Tag):
        return main
    total = _paragraph_text_length(body)
    best: Tag | None = None
    best_length = 0
    for tag in body.find_all(True):
        if not any(token in _CONTENT_TOKENS for token in _names(tag)):
            continue
        length = _paragraph_text_length(tag)
        # ">=": of nested containers holding the same text, the innermost wins
        if length >= best_length and length > 0:
            best, best_length = tag, length
    if best is not None and best_length >= total * _CONTENT_SHARE:
        return best
    return body


def _contains(ancestor: Tag, tag: Tag) -> bool:
    return any(parent is ancestor for parent in tag.parents)


def _common_ancestor(first: Tag, second: Tag) -> Tag | None:
    ancestors = [first, *first.parents]
    for parent in [second, *second.parents]:
        for ancestor in ancestors:
            if ancestor is parent:
                return parent if isinstance(parent, Tag) else None
    return None


# Turning elements into paragraphs ------------------------------------------------------


def _paragraphs(root: Tag) -> Iterator[str]:
    """Texts of the block elements under ``root``, in order, without recursion."""
    pieces: list[str] = []
    stack: list[tuple[Tag | NavigableString, bool]] = [(root, False)]
    while stack:
        node, leaving = stack.pop()
        if isinstance(node, NavigableString):
            if not isinstance(node, PreformattedString):
                pieces.append(str(node))
            continue
        if leaving:
            if node.name in _BLOCK_TAGS:
                yield from _flush(pieces)
            continue
        if node.name == "br":
            pieces.append(_LINE_BREAK)
            continue
        if node.name in _BLOCK_TAGS:
            yield from _flush(pieces)
        if node.name == "pre":
            pieces.append(node.get_text().replace("\n", _LINE_BREAK))
            stack.append((node, True))
            continue
        stack.append((node, True))
        stack.extend(
            (child, False)
            for child in reversed(node.contents)
            if isinstance(child, Tag | NavigableString)  # every child is one or the other
        )


def _flush(pieces: list[str]) -> Iterator[str]:
    if not pieces:
        return
    text = _collapse("".join(pieces))
    pieces.clear()
    if text and not _BREADCRUMB.match(text):
        yield text


_WHITESPACE_RUN = re.compile(r"[ \t\n\r\f\xa0]+")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\U00020000-\U0003ffff]")


def _collapse(text: str) -> str:
    """White space as a browser shows it; a source line break between Chinese disappears."""

    def replace(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if "\n" in match.group() and _WIDE.match(before) and _WIDE.match(after):
            return ""
        return " "

    collapsed = _WHITESPACE_RUN.sub(replace, text)
    lines = (line.strip() for line in collapsed.split(_LINE_BREAK))
    return "\n".join(line for line in lines if line)
