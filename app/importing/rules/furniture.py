"""Page furniture: the lines a web page puts around an article.

The layout this reads::

    某某网>>某某频道>>正文                      <- breadcrumb
    当前位置 | 首页 >> 新闻                     <- breadcrumb
    2021年09月22日08:25 | 来源：某某时报        <- date and source: published_on, outlet
    12.11.2015 18:20                           <- date (day.month.year)
    2019/12/3 19:35:08 来源：某某网 选稿：王某   <- date, source and editor
    字号：大 中 小   小字号   分享到：          <- page controls
    1.jpg2.jpg                                 <- image names
    本篇文章1989字,读完约5分钟                  <- reading time
    图片说明：……                               <- caption
    图为新落成的教学楼。（资料图）               <- caption
    （录音中断约两分钟）  （记者 某某某）          <- transcript notes and credits

Such a line is never a title and never joined to a turn; it stays in the text.
"""

import re
from datetime import date

_DATE = re.compile(
    r"(?P<y>\d{4})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日"
    r"|(?P<y2>\d{4})[-/.](?P<m2>\d{1,2})[-/.](?P<d2>\d{1,2})"
    r"|(?P<d3>\d{1,2})\.(?P<m3>\d{1,2})\.(?P<y3>\d{4})"
)
_TIME = r"(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?"
_SOURCE_WORDS = (
    r"来源|來源|选稿|選稿|编辑|編輯|责任编辑|責任編輯|作者|发布时间|發佈時間|发布|發佈|浏览|瀏覽"
)
_OUTLET_WORD = r"(?P<lead>[\u4e00-\u9fff]{2,12}(?:报|報|网|網|社|台|刊))"
_DATE_LINE = re.compile(
    rf"^(?:(?:{_SOURCE_WORDS})\s*[:：]\s*[^\s|｜]{{1,16}}\s*[|｜]\s*)?"  # 编辑：某某 | 2021-09-22
    rf"(?:(?:发布时间|發佈時間|发布日期|时间|時間)\s*[:：]\s*|{_OUTLET_WORD}\s+)?(?:{_DATE.pattern}){_TIME}"
    rf"(?:\s*(?:[|｜/]\s*)?(?:(?:{_SOURCE_WORDS})\s*[:：]\s*\S*|\S{{1,16}}(?:报|報|网|網|社|台)))*\s*$"
)
_DATE_TIME_ONLY = re.compile(
    rf"^(?:(?:{_DATE.pattern})\s*)?(?:[01]?\d|2[0-3])[:：][0-5]\d[:：][0-5]\d$"
)
_OUTLET = re.compile(r"(?:来源|來源)\s*[:：]\s*(?P<outlet>[^\s|｜]+)")
_BREADCRUMB = re.compile(
    r"(?:>>|＞＞|>|＞|»).*(?:>>|＞＞|>|＞|»)|^(?:当前位置|當前位置|您的位置|您现在的位置)"
)
_CONTROLS = re.compile(
    r"^(?:字号|字號)\s*[:：]?|^[大中小]字[号號]$|^(?:分享|分享到)(?:\s*[:：].{0,20})?$"
    r"|^(?:[【\[［]?(?:打印本页|打印本頁|关闭窗口|關閉窗口|打印|关闭|關閉|收藏|返回顶部|分享)[】\]］]?\s*)+$"
)
_IMAGES = re.compile(r"^(?:\s*[\w\-]+\.(?:jpe?g|png|gif|webp|bmp))+\s*$", re.IGNORECASE)
_READING_TIME = re.compile(r"^本篇文章\s*\d+\s*字|读完约\s*\d+\s*分钟|讀完約\s*\d+\s*分鐘|阅读时间")
_CAPTION = re.compile(
    r"^[（(]?(?:图片说明|圖片說明|图注|圖註|图为|圖為|摄影|攝影)\s*[:：]"
    r"|^(?:图为|圖為|上图|下图|上圖|下圖).{2,60}[（(](?:资料图|資料圖|摄影|攝影|供图|供圖)[^（）()]{0,12}[）)]$"
)
_NOTE_IN_BRACKETS = re.compile(
    r"^[（(][^（）()]{0,20}(?:录音|錄音|中断|中斷|停顿|停頓|笑|编者注|編者注|记者注|記者注|记者|記者|摄|攝)"
    r"[^（）()]{0,20}[）)]$"
)
_CREDIT = re.compile(
    r"^[（(]\s*(?:本报记者|本報記者|记者|記者)\s*(?P<names>[\u4e00-\u9fff]{2,4}(?:[、\s]+[\u4e00-\u9fff]{2,4})*)"
    r"\s*(?:摄|攝|报道|報導)?\s*[）)]$"
)
_AUTHOR = re.compile(r"(?:作者|记者|記者)\s*[:：]\s*(?P<name>[\u4e00-\u9fff]{2,4})(?=\s|$|[|｜])")
MAX_FURNITURE = 80


def is_furniture(line: str) -> bool:
    if len(line) > MAX_FURNITURE and not _CAPTION.match(line):
        return False
    return any(
        pattern.search(line)
        for pattern in (
            _DATE_LINE,
            _BREADCRUMB,
            _CONTROLS,
            _IMAGES,
            _READING_TIME,
            _CAPTION,
            _NOTE_IN_BRACKETS,
        )
    )


def credited_reporter(line: str) -> str:
    """ "（记者 熊某某）", "（本报记者 毛某某 摄）", or "作者：尹某某" on a date line."""
    credit = _CREDIT.match(line)
    if credit:
        return "、".join(credit.group("names").split())
    author = _AUTHOR.search(line) if _DATE_LINE.match(line) else None
    return author.group("name") if author else ""


def is_date_time_stamp(line: str) -> bool:
    """ "2024-03-08 11:39:02" or "10:01:12": a line holding only a time to the second,
    with or without the date."""
    return bool(_DATE_TIME_ONLY.match(line))


def line_date(line: str) -> date | None:
    """The date of a date-and-source line, if it holds a valid one."""
    if not _DATE_LINE.match(line):
        return None
    return first_date(line)


def first_date(text: str) -> date | None:
    match = _DATE.search(text)
    if not match:
        return None
    groups = match.groupdict()
    for year, month, day in (("y", "m", "d"), ("y2", "m2", "d2"), ("y3", "m3", "d3")):
        if groups[year]:
            try:
                return date(int(groups[year]), int(groups[month]), int(groups[day]))
            except ValueError:
                return None
    return None


def line_outlet(line: str) -> str:
    """ "2021年09月22日08:25 | 来源：某某时报" -> "某某时报"."""
    dated = _DATE_LINE.match(line)
    if not dated:
        return ""
    match = _OUTLET.search(line)
    return match.group("outlet") if match else dated.group("lead") or ""
