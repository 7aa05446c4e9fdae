"""The participant list of minutes ("Deltagerfortegnelse"), grouped as the document groups it.

Members appear as "Name, Municipality"; officials and the secretariat as "Title Name (referent)".
Names are kept without titles; the title and "referent" become the role.
"""

from __future__ import annotations

import re

from moedebog.documents.records import Participant

#: Line that introduces the participant list.
LIST_TITLES = {"deltagerfortegnelse", "deltagerliste", "mødedeltagere", "fremmøde", "tilstede", "til stede"}

#: Group titles, one alternative per group, tried in this order: the first that matches names
#: the group ("Fra KL-sekretariatet" is the secretariat, not officials "Fra ...").
_GROUP_TITLE = re.compile(
    r"(?P<absent>(?:afbud|fraværende|forfald|meldt afbud|ikke til stede)\b)"
    r"|(?P<present>(?:deltagere|deltog|til stede|tilstede|fremmødte|medlemmer|mødedeltagere)\b)"
    r"|(?P<secretariat>fra .*(?:sekretariat|kl\b)|(?:sekretariat|sekretariatet|referent)\b)"
    r"|(?P<officials>fra\s+\S+|embedsmænd|administrationen|desuden deltog|øvrige deltagere|gæster)",
    re.I,
)

_TITLE_SUFFIXES = ("konsulent", "chef", "direktør", "leder", "sekretær", "fuldmægtig", "medarbejder",
                   "medhjælp", "koordinator", "rådgiver", "analytiker", "assistent", "praktikant", "formand",
                   "borgmester", "rådmand", "økonom", "jurist", "specialist", "partner")
_TITLE_NAMES = ("Konsulent", "Chef", "Direktør", "Sekretær", "Praktikant", "Formand", "Næstformand",
                "Borgmester", "Rådmand", "Jurist", "Økonom")
_TITLE_WORDS = re.compile(
    r"^((?:[A-ZÆØÅ][a-zæøå]*(?:" + "|".join(_TITLE_SUFFIXES) + ")|" + "|".join(_TITLE_NAMES) + r")"
    r"(?:\s+og\s+[a-zæøå]+)?)\s+(?=[A-ZÆØÅ])"
)
#: A title that _TITLE_WORDS finds is the whole first word (white space follows it), so a first
#: word without one of these endings rules the pattern out without running it.
_TITLE_ENDINGS = _TITLE_SUFFIXES + _TITLE_NAMES
_PAREN_ROLE = re.compile(r"\s*\(([^)]*)\)\s*$")
_PARTY = re.compile(r"^[A-ZÆØÅ]{1,2}$")


def group_of(line: str) -> str | None:
    """The group a group-title line opens, or None when the line is not a group title."""
    if len(line) > 60 or "," in line:
        return None
    m = _GROUP_TITLE.match(line)
    return m.lastgroup if m else None


def parse_participant(line: str, group: str, group_title: str | None) -> Participant | None:
    """One person from a participant line, or None when the line holds no name."""
    text = line.strip(" -•*\t")
    if not text or len(text) > 160:
        return None
    roles: list[str] = []
    m = _PAREN_ROLE.search(text) if ")" in text else None
    if m and not _PARTY.match(m.group(1).strip()):
        roles.append(m.group(1).strip())
        text = text[: m.start()].strip()
    affiliation: str | None = None
    if "," in text:
        name, _, rest = text.partition(",")
        name, affiliation = name.strip(), rest.strip() or None
    else:
        name = text
    words = name.split(None, 1)
    t = _TITLE_WORDS.match(name) if words and words[0].endswith(_TITLE_ENDINGS) else None
    if t:
        roles.insert(0, t.group(1))
        name = name[t.end():].strip()
    if not name or not (name[0].isalpha() or any(ch.isalpha() for ch in name)):
        return None
    # positional: a participant list is read line by line, and keywords cost more per call
    return Participant(name, affiliation, group, ", ".join(roles) or None, group_title)
