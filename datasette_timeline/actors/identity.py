"""One actor across articles: which stored person a name of a new article is.

Within an article, ``resolve`` gives every mention of a person the fullest name the
article has. Across articles the same person may still arrive as "Barack Obama" in one,
"President Obama" or "Obama" in another (an article that never gives the full name).
The rule, on names that share a surname:

* a full name ("Barack Obama": two words or more, not starting with a title) is its own
  person; two different full names are two people;
* a short name ("Obama", "President Obama") is the person of the one full name stored
  with that surname, and stays its own actor while there is none or several;
* when a full name arrives and it is the only one with that surname, the short names
  stored before it become it;
* a royal title belongs to the name ("King Hussein" is never Saddam Hussein).

Pure decisions here; ``storage`` reads the candidates and writes the result.
"""

from __future__ import annotations

from collections.abc import Sequence

from .resolve import NAMING_TITLES, surname
from .rules import TITLE_WORDS

Candidate = tuple[str, str]  # (actor id, name)


def surname_key(name: str) -> str:
    """What people's names are compared by across articles: the surname, lower-cased."""
    return surname(name).lower()


def is_full_name(name: str) -> bool:
    words = name.split()
    if len(words) < 2:
        return False
    first = words[0]
    return first in NAMING_TITLES or first.lower().rstrip(".") not in TITLE_WORDS


def same_person(name: str, candidates: Sequence[Candidate]) -> Candidate | None:
    """The stored person (among ``candidates``, people sharing the surname of ``name``)
    that ``name`` names, or None when it is a person of its own."""
    for candidate in candidates:
        if candidate[1] == name:
            return candidate
    if is_full_name(name):
        return None
    full = [c for c in candidates if is_full_name(c[1])]
    if len(full) == 1 and full[0][1].split()[0] not in NAMING_TITLES:
        return full[0]
    return None


def absorbed(name: str, candidates: Sequence[Candidate]) -> list[Candidate]:
    """Stored short names that become ``name`` when it is stored: a full name that is the
    only full name of its surname takes the short names stored before it."""
    if not is_full_name(name) or name.split()[0] in NAMING_TITLES:
        return []
    if any(is_full_name(c[1]) and c[1] != name for c in candidates):
        return []
    return [c for c in candidates if not is_full_name(c[1])]
