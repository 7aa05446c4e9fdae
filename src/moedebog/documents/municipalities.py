"""Denmark's 98 municipalities, and how a web address names one.

FirstAgenda sites live at addresses like dagsordener.greve.dk or dagsorden.ringkoebing-skjern.dk;
the host tells which municipality published a meeting even when the meeting JSON does not say.
"""

from __future__ import annotations

import re

NAMES = (
    "Albertslund", "Allerød", "Assens", "Ballerup", "Billund", "Bornholm", "Brøndby", "Brønderslev", "Dragør",
    "Egedal", "Esbjerg", "Fanø", "Favrskov", "Faxe", "Fredensborg", "Fredericia", "Frederiksberg",
    "Frederikshavn", "Frederikssund", "Furesø", "Faaborg-Midtfyn", "Gentofte", "Gladsaxe", "Glostrup", "Greve",
    "Gribskov", "Guldborgsund", "Haderslev", "Halsnæs", "Hedensted", "Helsingør", "Herlev", "Herning",
    "Hillerød", "Hjørring", "Holbæk", "Holstebro", "Horsens", "Hvidovre", "Høje-Taastrup", "Hørsholm",
    "Ikast-Brande", "Ishøj", "Jammerbugt", "Kalundborg", "Kerteminde", "Kolding", "København", "Køge",
    "Langeland", "Lejre", "Lemvig", "Lolland", "Lyngby-Taarbæk", "Læsø", "Mariagerfjord", "Middelfart",
    "Morsø", "Norddjurs", "Nordfyns", "Nyborg", "Næstved", "Odder", "Odense", "Odsherred", "Randers",
    "Rebild", "Ringkøbing-Skjern", "Ringsted", "Roskilde", "Rudersdal", "Rødovre", "Samsø", "Silkeborg",
    "Skanderborg", "Skive", "Slagelse", "Solrød", "Sorø", "Stevns", "Struer", "Svendborg", "Syddjurs",
    "Sønderborg", "Thisted", "Tønder", "Tårnby", "Vallensbæk", "Varde", "Vejen", "Vejle", "Vesthimmerlands",
    "Viborg", "Vordingborg", "Ærø", "Aabenraa", "Aalborg", "Aarhus",
)
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa"})
_BY_SLUG = {name.lower().translate(_TRANSLIT): name for name in NAMES}
_BY_SLUG.update({name.lower(): name for name in NAMES})
_HOST = re.compile(r"^(?:https?://)?(?:www\.)?(?:dagsorden(?:er)?|politik|moeder|dagsorden-referat)\.(?P<slug>[a-zæøå-]+)\.dk\b",
                   re.IGNORECASE)


def organization_from_url(url: str) -> str | None:
    """"https://dagsordener.greve.dk/..." → "Greve Kommune"; None when the host names no municipality."""
    m = _HOST.match(url.strip())
    if not m:
        return None
    name = _BY_SLUG.get(m.group("slug").lower())
    return f"{name} Kommune" if name else None
