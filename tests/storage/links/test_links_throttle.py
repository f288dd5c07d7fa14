"""The rate limit on invitation links: per client address and per link, on drafts and
submissions, atomic under parallel senders, with a clear code – and no client address
stored anywhere. SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import inspect, select, text

from stadforstad.client import address_from, address_group, parse_address
from stadforstad.storage.link_throttle import LinkLimits, LinkThrottle, count_write
from stadforstad.storage.links import (
    LINK_THROTTLED,
    LinkError,
    LinkStore,
    LinkThrottledError,
    new_token,
)

GOOD = {"generell_1": 4}


def _limited(links, **limits) -> LinkStore:
    return LinkStore(links.store, limits=LinkLimits(**limits))


def _send(links, actor, form, client, n):
    return links.submit(
        actor=actor,
        resume=new_token(),
        submission_key=new_token(),
        form=form,
        answers=GOOD,
        client=client,
    )


def test_one_client_is_stopped_and_told_when_to_come_back(links, admin, workspace, shareable_form):
    limited = _limited(links, per_address=3, per_link=100)
    created = limited.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    actor, _ = limited.open_link(created.token)
    for n in range(2):
        _send(limited, actor, shareable_form, "198.51.100.4", n)
    limited.save_draft(
        actor=actor, resume=new_token(), form=shareable_form, answers=GOOD, client="198.51.100.4"
    )  # drafts count too
    with pytest.raises(LinkThrottledError) as caught:
        _send(limited, actor, shareable_form, "198.51.100.4", 9)
    assert caught.value.code == LINK_THROTTLED
    assert 0 < caught.value.retry_after <= 600
    # Another client is not held up by the first one.
    _send(limited, actor, shareable_form, "198.51.100.5", 0)
    info = limited.list_links(actor=admin, workspace_id=workspace.id)[0]
    assert (info.answers, info.drafts) == (3, 1)  # the refused one stored nothing


def test_a_link_is_limited_whatever_the_client(links, admin, workspace, shareable_form):
    limited = _limited(links, per_address=100, per_link=4)
    created = limited.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    other = limited.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    actor, _ = limited.open_link(created.token)
    for n in range(4):
        _send(limited, actor, shareable_form, f"203.0.113.{n}", n)
    with pytest.raises(LinkThrottledError):
        _send(limited, actor, shareable_form, "203.0.113.99", 0)
    with pytest.raises(LinkThrottledError):  # an unknown address is counted per link only
        _send(limited, actor, shareable_form, None, 0)
    other_actor, _ = limited.open_link(other.token)
    _send(limited, other_actor, shareable_form, "203.0.113.99", 1)  # another link is free


def test_a_replayed_submission_is_not_counted(links, admin, workspace, shareable_form):
    limited = _limited(links, per_address=1, per_link=1)
    created = limited.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    actor, _ = limited.open_link(created.token)
    resume = new_token()
    first = limited.submit(
        actor=actor, resume=resume, submission_key="same", form=shareable_form, answers=GOOD
    )
    again = limited.submit(
        actor=actor, resume=resume, submission_key="same", form=shareable_form, answers=GOOD
    )
    assert first.receipt == again.receipt


def test_the_window_ends(links, admin, workspace, shareable_form):
    limits = LinkLimits(per_address=1, per_link=1, window_seconds=60)
    now = dt.datetime(2026, 3, 1, 12, 0, 10, tzinfo=dt.UTC)
    with links.store._write() as session:
        assert count_write(session, link_id=1, client="192.0.2.1", limits=limits, now=now) is None
    with links.store._write() as session:
        wait = count_write(session, link_id=1, client="192.0.2.1", limits=limits, now=now)
        assert wait == 51
        session.rollback()
    later = now + dt.timedelta(seconds=60)
    with links.store._write() as session:
        assert count_write(session, link_id=1, client="192.0.2.1", limits=limits, now=later) is None
    with links.store._read() as session:  # the ended window's rows are gone
        buckets = list(session.scalars(select(LinkThrottle.bucket)))
    assert len(buckets) == 2 and all(
        b.endswith(f":{int(later.timestamp()) // 60}") for b in buckets
    )


def test_parallel_senders_from_one_client_get_exactly_the_limit(
    links, admin, workspace, shareable_form
):
    limited = _limited(links, per_address=5, per_link=1000)
    created = limited.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    actor, _ = limited.open_link(created.token)
    start = threading.Barrier(16)
    outcomes: list[str] = []
    lock = threading.Lock()

    def send(n: int) -> None:
        start.wait(timeout=30)
        try:
            _send(limited, actor, shareable_form, "192.0.2.50", n)
            result = "ok"
        except LinkError as exc:
            result = exc.code
        with lock:
            outcomes.append(result)

    with ThreadPoolExecutor(max_workers=16) as pool:
        list(pool.map(send, range(16)))
    assert sorted(outcomes) == sorted(["ok"] * 5 + [LINK_THROTTLED] * 11), outcomes
    assert len(limited.link_answers(actor=admin, workspace_id=workspace.id)) == 5


def test_no_client_address_is_stored_anywhere(links, admin, workspace, shareable_form):
    address = "198.51.100.77"
    created = links.create_link(actor=admin, workspace_id=workspace.id, form=shareable_form)
    actor, _ = links.open_link(created.token)
    _send(links, actor, shareable_form, address, 0)
    links.save_draft(
        actor=actor, resume=new_token(), form=shareable_form, answers=GOOD, client=address
    )
    engine = links.store.engine
    found = []
    with engine.connect() as connection:
        for table in inspect(engine).get_table_names():
            for row in connection.execute(text(f'SELECT * FROM "{table}"')):
                if any(address in str(value) for value in row):
                    found.append(table)
    assert found == []


@pytest.mark.parametrize(
    "peer, header, proxies, expected",
    [
        ("203.0.113.9", [], 0, "203.0.113.9"),
        # Without the setting the header is anyone's to write: ignored.
        ("203.0.113.9", ["1.2.3.4"], 0, "203.0.113.9"),
        # One proxy appends what it saw; what the client wrote itself lies further left.
        ("10.0.0.2", ["6.6.6.6, 198.51.100.3"], 1, "198.51.100.3"),
        ("10.0.0.2", ["6.6.6.6", "198.51.100.3, 10.0.0.1"], 2, "198.51.100.3"),
        (None, ["198.51.100.3"], 1, "198.51.100.3"),
        ("10.0.0.2", ["nonsense"], 1, None),
        (None, [], 0, None),
    ],
)
def test_client_address_trusts_forwarded_for_only_when_told(peer, header, proxies, expected):
    assert address_from(peer=peer, forwarded_for=header, trusted_proxies=proxies) == expected


def test_an_ipv6_client_is_its_64_network():
    assert address_group("2001:db8:1:2::5") == address_group("2001:db8:1:2:ffff::1")
    assert address_group("2001:db8:1:2::5") != address_group("2001:db8:1:3::5")
    assert address_group("::ffff:192.0.2.1") == "192.0.2.1"
    assert parse_address("[2001:db8::1]:443") == "2001:db8::1"
    assert parse_address("192.0.2.1:8080") == "192.0.2.1"
