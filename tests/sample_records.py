"""Hand-built records in the shape of the KKR Midtjylland minutes (seed 000), for renderer and
reader round-trip tests that must not depend on the segmenter's heuristics."""

from __future__ import annotations

from moedebog.documents.records import Attachment, Document, Heading, Item, Participant, Section

HEADINGS = [
    Heading("1", "Godkendelse af referat"),
    Heading("2", "Siden sidst"),
    Heading("3", "Regionalpolitiske sager"),
    Heading("4", "Udpegninger"),
    Heading("5", "KKR"),
    Heading("6", "Punkter til næste møde"),
    Heading("7", "Eventuelt"),
]

LONG = ("Klimaudfordringerne går på tværs af kommuner og kalder derfor på tværkommunale løsninger. Det vil "
        "dog fortsat være den enkelte kommunalbestyrelse der beslutter, hvilke klimainitiativer, der skal "
        "tages i den enkelte kommune. KKR er et naturligt omdrejningspunkt for at udvikle forpligtende "
        "tværkommunale samarbejder på klimaområdet – og understøtte samarbejder på tværs af KKR-geografier.")

TABLE = "\n".join([
    "\tOptagelse 2019/2020 (øgning i fh. til 2018/2019)\tOptagelse 2020/2021 (øgning i forhold til 2019/2020)",
    "Uddannelsessted\tInkl. 5 pct.\tInkl. 5 pct.",
    "Holstebro\t172 (6)\t172",
    "Viborg\t228 (6)\t228",
    "Randers*\t124 (6)\t130 (6)",
    "Ialt\t1274\t1294",
])


def _item(number: str, title: str, case: str, handlers: list[str], sections: list[Section],
          attachments: list[str] | None = None, heading: str | None = None) -> Item:
    head = next(h for h in HEADINGS if h.number == (heading or number.split(".")[0]))
    return Item(number=number, title=title, heading=head, case_number=case, handlers=handlers,
                sections=sections, attachments=[Attachment(t) for t in attachments or []])


def minutes() -> Document:
    """A minutes record with every shape the renderers must carry: lists, a table, ./. markers."""
    items = [
        _item("1.1", "Godkendelse af referat fra møde i KKR Midtjylland den 8. november 2019",
              "SAG-2019-07153", ["jhp"], [
                  Section("background", "Baggrund", "KKR Midtjylland holdt møde den 8. november 2019. "
                          "Referatet blev udsendt den 13. november 2019."),
                  Section("recommendation", "Indstilling", "Det indstilles, at KKR Midtjylland godkender "
                          "referatet."),
                  Section("decision", "Beslutning", "KKR Midtjylland godkendte referatet."),
              ]),
        _item("2.1", "Orientering", "SAG-2019-07153", ["chbo", "jhp"], [
            Section("background", "Baggrund", "KKR Midtjyllands formandskab orienterer bl.a. om:\n"
                    "- KL/KKR formandskabsmødet den 16. januar 2020\n"
                    "- Møde med regionsrådsformanden den 29. januar 2020, hvor der blandt andet blev talt om "
                    "IV behandling i nærområderne og alliancen om den nære psykiatri\n"
                    "- Nyt medlem af Uddannelsesudvalget."),
            Section("recommendation", "Indstilling", "Det indstilles, at KKR Midtjylland tager orienteringen "
                    "til efterretning."),
            Section("decision", "Beslutning", "KKR Midtjylland tog orienteringen til efterretning."),
        ]),
        _item("3.1", "Tværkommunale samarbejder om klima", "SAG-2019-07153", ["snm", "chbo"], [
            Section("background", "Baggrund", "KL lancerede primo januar 2020 to klimaudspil – ét om "
                    "klimatilpasning og ét om CO2-reduktion. Alle fem KKR har givet input til udspillene.\n"
                    "./. Udspil om klimatilpasning\n./. Udspil om CO2-reduktion"),
            Section("presentation", "Sagsfremstilling", LONG + "\n" + LONG),
            Section("other", "Økonomiske konsekvenser", "Ingen."),
            Section("decision", "Beslutning", "KKR Midtjylland tiltrådte indstillingen."),
        ], ["Udspil om klimatilpasning", "Udspil om CO2-reduktion"]),
        _item("3.2", "Dimensionering af pædagoguddannelsen", "SAG-2019-07153", ["jhp"], [
            Section("recommendation", "Indstilling", "Uddannelsesudvalget indstiller, at:\n"
                    "- Dimensioneringen til pædagogoptaget 2020/2021 øges med 20"),
            Section("presentation", "Sagsfremstilling", "Nedenfor ses forslaget til dimensionering:\n" + TABLE
                    + "\nFordelingen på studieretninger fastholdes."),
            Section("decision", "Beslutning", "KKR Midtjylland tiltrådte indstillingen."),
        ]),
        _item("5.1", "Lukket punkt: Personalesag", "SAG-2020-00042", ["sbj"], [
            Section("decision", "Beslutning", "Drøftet."),
        ]),
        _item("6.1", "Foreløbig oversigt over sager til KKR Midtjyllands næste møde", "SAG-2019-07153",
              ["chbo", "jhp"], [
                  Section("background", "Baggrund", "Der afholdes møde i KKR Midtjylland den 1. april 2020."),
                  Section("decision", "Beslutning", "KKR Midtjylland tiltrådte indstillingen."),
              ]),
        _item("7.1", "Eventuelt", "SAG-2019-07153", ["jhp"], [
            Section("decision", "Beslutning", "Ingen yderligere bemærkninger."),
        ]),
    ]
    people = [
        Participant("Nils Borring", "Favrskov", "present", None, "Deltagere"),
        Participant("Kasper Glyngø", "Hedensted", "present", None, "Deltagere"),
        Participant("Frands Fischer", "Skanderborg", "present", None, "Deltagere"),
        Participant("Lars Krarup", "Herning", "absent", None, "Afbud"),
        Participant("Jesper Kaas Schmidt", "Randers", "officials", None, "Fra KD-net"),
        Participant("Solvejg Schultz Jakobsen", None, "secretariat", "Sekretariatschef", "Fra KL-sekretariatet"),
        Participant("Christian Budde", None, "secretariat", "Chefkonsulent, referent", "Fra KL-sekretariatet"),
    ]
    items[4].public = False
    return Document(kind="minutes", body="KKR Midtjylland", start="2020-02-05T10:00",
                    location="Scandic, Udgårdsvej 2, 8600 Silkeborg", items=items, headings=list(HEADINGS),
                    participants=people)


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def record_differences(want: Document, got: Document) -> list[str]:
    """Every way a record read back from a rendered file differs from the one rendered.

    Texts are compared with whitespace normalised: a paragraph break may become a line break.
    """
    out: list[str] = []
    for key in ("kind", "body", "start", "location", "date", "subject", "deadline", "sender"):
        if getattr(want, key) != getattr(got, key):
            out.append(f"{key}: {getattr(got, key)!r} != {getattr(want, key)!r}")
    if [(h.number, h.title) for h in want.headings] != [(h.number, h.title) for h in got.headings]:
        out.append(f"headings: {got.headings!r} != {want.headings!r}")
    people = [(p.name, p.affiliation, p.group, p.role, p.group_title) for p in want.participants]
    got_people = [(p.name, p.affiliation, p.group, p.role, p.group_title) for p in got.participants]
    if people != got_people:
        out.append(f"participants: {got_people!r} != {people!r}")
    if want.signatories != got.signatories:
        out.append(f"signatories: {got.signatories!r} != {want.signatories!r}")
    out.extend(_section_differences("document", want.sections, got.sections))
    if [i.number for i in want.items] != [i.number for i in got.items]:
        out.append(f"items: {[i.number for i in got.items]} != {[i.number for i in want.items]}")
    for a, b in zip(want.items, got.items, strict=False):
        where = f"item {a.number}"
        for key in ("number", "title", "case_number", "handlers", "public"):
            if getattr(a, key) != getattr(b, key):
                out.append(f"{where} {key}: {getattr(b, key)!r} != {getattr(a, key)!r}")
        if (a.heading and (a.heading.number, a.heading.title)) != (b.heading and (b.heading.number, b.heading.title)):
            out.append(f"{where} heading: {b.heading!r} != {a.heading!r}")
        if [x.title for x in a.attachments] != [x.title for x in b.attachments]:
            out.append(f"{where} attachments: {[x.title for x in b.attachments]} != {[x.title for x in a.attachments]}")
        out.extend(_section_differences(where, a.sections, b.sections))
    return out


def _section_differences(where: str, want: list[Section], got: list[Section]) -> list[str]:
    out = []
    if [(s.kind, s.title) for s in want] != [(s.kind, s.title) for s in got]:
        out.append(f"{where} sections: {[(s.kind, s.title) for s in got]} != {[(s.kind, s.title) for s in want]}")
        return out
    for a, b in zip(want, got, strict=True):
        if _norm(a.text) != _norm(b.text):
            x, y = _norm(a.text), _norm(b.text)
            i = next((n for n, (p, q) in enumerate(zip(x, y, strict=False)) if p != q), min(len(x), len(y)))
            out.append(f"{where} section {a.title!r} text differs at {i}: {y[i - 30:i + 50]!r} != {x[i - 30:i + 50]!r}")
    return out
