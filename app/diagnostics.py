"""Checks that the libraries Fangtan loads only when a feature is first used do work.

The window starts without jieba's dictionary, scikit-learn or libpq; a standalone bundle
that lacks one of them would fail only later, in the middle of work. ``check_components``
uses each of them once on a few fixed sentences and says which versions answered.
"""

from importlib.metadata import PackageNotFoundError, version

from app.errors import FangtanError

# Sentences of the two kinds the sample interviews hold: industry (tag 1) and daily life.
INDUSTRY = (
    "大力推进氢能产业园区建设",
    "招商引资项目签约落地",
    "园区企业产值持续增长",
    "新能源产业链加快集聚",
    "重点项目开工建设提速",
)
DAILY_LIFE = (
    "社区养老服务中心开放",
    "学校食堂改善学生营养",
    "医院门诊延长服务时间",
    "困难家庭领到救助资金",
    "村民就业技能培训开班",
)
WORD = "氢能"  # in jieba's own dictionary: cut whole out of INDUSTRY[0]


class ComponentError(FangtanError):
    """A library the window loads later does not work (the command line's English only)."""

    template = "{component} does not work: {detail}"


def check_components() -> list[str]:
    """Segment, train and predict once, and load libpq; the versions that answered.

    Raises ComponentError naming the first part that failed."""
    return [_jieba(), _scikit_learn(), _libpq()]


def _jieba() -> str:
    from app.chinese.segmentation import tokens

    try:
        words = [word for word, _start, _end in tokens(INDUSTRY[0])]
    except Exception as error:
        raise ComponentError(component="jieba", detail=_said(error)) from error
    if WORD not in words or "".join(words) != INDUSTRY[0]:
        raise ComponentError(
            component="jieba", detail=f"its dictionary cut {INDUSTRY[0]} as {'/'.join(words)}"
        )
    return f"jieba {_version('jieba')}"


def _scikit_learn() -> str:
    from app.suggestions.model import Example, train

    examples = [Example(text, 1, True) for text in INDUSTRY] + [
        Example(text, 1, False) for text in DAILY_LIFE
    ]
    try:
        model = train(examples)
        if model is None:
            raise ComponentError(component="scikit-learn", detail="no model was trained")
        industry, daily = model.predict([INDUSTRY[0], DAILY_LIFE[0]])
    except ComponentError:
        raise
    except Exception as error:
        raise ComponentError(component="scikit-learn", detail=_said(error)) from error
    if not 0.0 <= daily[1] < industry[1] <= 1.0:
        raise ComponentError(
            component="scikit-learn",
            detail=f"it rated a sentence it learned at {industry[1]:.2f}, "
            f"one it learned against at {daily[1]:.2f}",
        )
    return f"scikit-learn {_version('scikit-learn')}"


def _libpq() -> str:
    """The client library server projects connect with (no server is contacted)."""
    try:
        import psycopg

        number = psycopg.pq.version()
    except Exception as error:
        raise ComponentError(component="libpq", detail=_said(error)) from error
    major, minor = divmod(number, 10000)
    return f"libpq {major}.{minor % 100} ({psycopg.pq.__impl__})"


def _version(name: str) -> str:
    try:
        return version(name)
    except PackageNotFoundError:  # a bundle built without the package's metadata
        return "(version unknown)"


def _said(error: Exception) -> str:
    return f"{type(error).__name__}: {error}".splitlines()[0]
