"""Times in the user's zone – Europe/Stockholm unless ``STADFORSTAD_TIME_ZONE`` says
otherwise – in both languages, and numbers with the language's decimal mark (Babel)."""

from __future__ import annotations

import datetime as dt

import pytest
from pydantic import ValidationError

from stadforstad.i18n import local_time, number_text, time_text, time_zone_name
from stadforstad.settings import Settings, get_settings
from stadforstad.spreadsheet import cell_text

#: 12:00 UTC on a summer day (CEST, +2) and on a winter day (CET, +1).
SUMMER = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)
WINTER = dt.datetime(2026, 1, 15, 12, 0)  # no zone: UTC, as SQLite gives it back


@pytest.fixture
def zone(monkeypatch):
    def set_zone(name: str | None) -> None:
        if name is None:
            monkeypatch.delenv("STADFORSTAD_TIME_ZONE", raising=False)
        else:
            monkeypatch.setenv("STADFORSTAD_TIME_ZONE", name)
        get_settings.cache_clear()

    yield set_zone
    get_settings.cache_clear()


def test_swedish_time_by_default_summer_and_winter(zone) -> None:
    zone(None)
    assert time_text(SUMMER) == "2026-06-01 14:00"
    assert time_text(WINTER) == "2026-01-15 13:00"
    assert time_zone_name("sv") == "svensk tid" and time_zone_name("en") == "Swedish time"


def test_another_zone_when_configured(zone) -> None:
    zone("America/New_York")
    assert time_text(SUMMER) == "2026-06-01 08:00"
    assert local_time(WINTER).utcoffset() == dt.timedelta(hours=-5)
    assert time_zone_name("sv") == "tid i America/New_York"
    assert time_zone_name("en") == "America/New_York time"
    # Spreadsheets hold the same local time (without a zone).
    assert cell_text(SUMMER) == "2026-06-01 08:00"


def test_an_unknown_zone_is_refused_in_both_languages() -> None:
    with pytest.raises(ValidationError) as caught:
        Settings(time_zone="Europe/Atlantis")
    assert "okänd tidszon" in str(caught.value) and "unknown time zone" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "decimals", "sv", "en"),
    [
        (2.5, None, "2,5", "2.5"),
        (-0.75, None, "-0,75", "-0.75"),
        (1234567.0, None, "1234567", "1234567"),  # never 1.23457e+06
        (3.14159, 2, "3,14", "3.14"),
        (7, None, "7", "7"),
        (7, 1, "7,0", "7.0"),
        (2.96, 0, "3", "3"),
    ],
)
def test_numbers_in_each_languages_way(value, decimals, sv, en) -> None:
    assert number_text(value, "sv", decimals) == sv
    assert number_text(value, "en", decimals) == en
