"""The one LRU cache (app/text_cache.py) that document texts, segmentations and search use."""

import threading

import pytest

from app.text_cache import LRU, DocumentTexts

pytestmark = pytest.mark.both_backends


def test_the_least_recently_used_go_first() -> None:
    cache: LRU[str, int] = LRU(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 3)
    assert "b" not in cache and cache.get("a") == 1 and cache.get("c") == 3
    assert cache.get("b") is None
    cache.put("a", 10)
    assert len(cache) == 2 and cache.get("a") == 10


def test_entries_can_weigh_more_than_one_and_the_newest_is_kept() -> None:
    cache: LRU[str, str] = LRU(10, lambda key, _value: len(key))
    cache.put("abcd", "x")
    cache.put("efgh", "y")
    cache.put("ij", "z")
    assert len(cache) == 3
    cache.put("klm", "w")  # 4 + 4 + 2 + 3 > 10: the oldest goes
    assert "abcd" not in cache and len(cache) == 3
    cache.put("n" * 50, "v")  # heavier than everything: kept alone
    assert len(cache) == 1 and cache.get("n" * 50) == "v"


def test_a_value_worked_out_before_a_clear_is_not_stored_after_it() -> None:
    cache: LRU[str, int] = LRU(5)
    since = cache.version
    cache.clear()
    cache.put("a", 1, since=since)
    assert "a" not in cache
    cache.put("a", 1, since=cache.version)
    assert cache.get("a") == 1


def test_threads_can_share_one_cache() -> None:
    cache: LRU[int, int] = LRU(50)
    failures: list[BaseException] = []

    def work(offset: int) -> None:
        try:
            for number in range(5000):
                key = (number * 7 + offset) % 200
                cache.put(key, key)
                found = cache.get(key)
                assert found is None or found == key
                if number % 997 == 0:
                    cache.clear()
        except BaseException as error:  # a broken OrderedDict raises here
            failures.append(error)

    threads = [threading.Thread(target=work, args=(offset,)) for offset in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert len(cache) <= 50


def test_document_texts_keep_the_few_used_last(sample_project) -> None:
    texts = DocumentTexts()
    with sample_project.reading() as session:
        first = texts.get(session, 1)
        assert first == sample_project.document(1).text
        assert texts.get(session, 10_000) is None
    with sample_project.reading() as session:
        assert texts.get(session, 1) is first  # from memory, not read again
