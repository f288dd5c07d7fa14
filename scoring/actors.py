"""Actors named in tables by several people (samverkansnivaer, aktorsanalys)."""

from __future__ import annotations


def actor_key(name: str) -> str:
    """The same actor written by two people: compare without case and extra spaces."""
    return " ".join(name.split()).casefold()
