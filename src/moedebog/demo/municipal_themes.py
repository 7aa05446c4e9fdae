"""Subjects of an ordinary municipal committee, as pools of Danish sentences written for the demo.

Same shape as the KKR themes (see themes.py), but in the voice of a municipal administration
("Administrationen indstiller, at ..."), the way FirstAgenda sites publish committee items.
"""

# ruff: noqa: E501 -- sentence pools read better unbroken; this file is data, not logic

from __future__ import annotations

from moedebog.demo.themes import Theme

MUNICIPAL_THEMES: tuple[Theme, ...] = (
    Theme(
        key="budgetopfoelgning",
        titles=("Budgetopfølgning pr. 30. april {y}", "Budgetopfølgning pr. 31. august {y}",
                "Budget {y1}-{y3}, udvalgets bidrag"),
        background=("Udvalget får forelagt den faste budgetopfølgning på sine områder.",
                    "Opfølgningen viser et forventet merforbrug på {mio} mio. kr., som især skyldes flere borgere "
                    "med behov for hjælp.",
                    "Administrationen foreslår tiltag, der kan bringe økonomien i balance inden årets udgang."),
        presentation=("Merforbruget er størst på området for borgere med handicap, hvor der er kommet flere nye "
                      "sager end forudsat i budgettet.",
                      "På de øvrige områder forventes et mindre mindreforbrug, som delvist kan dække merforbruget.",
                      "Administrationen følger udviklingen tæt og vender tilbage med en ny opfølgning i efteråret.",
                      "Der er ikke indarbejdet virkningen af den seneste lønaftale, da den endnu ikke er opgjort."),
        subheads=(),
        bullets=("Flere borgere med behov for hjælp", "Højere priser på køb af pladser", "Forsinkede anlægsprojekter"),
        recommendation=("budgetopfølgningen tages til efterretning",
                        "de foreslåede tiltag godkendes"),
        decisions=("Taget til efterretning.", "Godkendt.", "Anbefales over for Økonomiudvalget og Byrådet."),
        attachments=("Bilag 1 Budgetopfølgning {y}", "Bilag 2 Oversigt over tiltag"),
    ),
    Theme(
        key="trafiksikkerhed",
        titles=("Trafiksikkerhed ved skolerne", "Trafiksikkerhedsprojekt på Hovedgaden - tilpasning",
                "Frigivelse af anlægsmidler til cykelstier {y}"),
        background=("Forældre og skolebestyrelser har peget på utrygge skoleveje flere steder i kommunen.",
                    "Byrådet har afsat {mio} mio. kr. til trafiksikkerhed i budgettet for {y}.",
                    "Administrationen har udarbejdet forslag til konkrete projekter."),
        presentation=("Projekterne omfatter hævede flader ved fodgængerovergange, bedre belysning og en ny "
                      "cykelsti langs den mest benyttede skolevej.",
                      "Politiet har været inddraget og støtter de foreslåede løsninger.",
                      "Anlægsarbejdet forventes udført i sommerferien, så skolebørnene generes mindst muligt.",
                      "Der er gennemført en trafiktælling, som viser, at omkring {antal} cyklister passerer "
                      "strækningen på en hverdag."),
        subheads=(),
        bullets=("Hævede flader ved overgange", "Bedre belysning", "Ny cykelsti langs skolevejen"),
        recommendation=("projekterne godkendes", "der frigives en anlægsbevilling til gennemførelsen"),
        decisions=("Godkendt.", "Anbefales over for Økonomiudvalget og Byrådet."),
        attachments=("Bilag 1 Oversigtskort over projekterne", "Bilag 2 Trafiktælling {y}"),
    ),
    Theme(
        key="lokalplan",
        titles=("Lokalplan for boligområde ved Skovvej, endelig vedtagelse", "Forslag til lokalplan for nyt erhvervsområde",
                "Kommuneplan {y1}. Igangsættelse"),
        background=("Administrationen har udarbejdet forslag til lokalplan efter ønske fra en privat bygherre.",
                    "Forslaget har været i offentlig høring i otte uger, og der er modtaget {antal} høringssvar.",
                    "Planen giver mulighed for at opføre op til 60 boliger i to og tre etager."),
        presentation=("Høringssvarene handler især om trafik på de omkringliggende veje og om bebyggelsens højde.",
                      "Administrationen foreslår, at den højeste bebyggelse trækkes længere væk fra naboskellet.",
                      "Der er udarbejdet en miljøscreening, som konkluderer, at planen ikke kræver en miljøvurdering.",
                      "Planen er i overensstemmelse med kommuneplanens rammer for området."),
        subheads=(),
        bullets=("Trafik på de omkringliggende veje", "Bebyggelsens højde", "Grønne arealer og regnvand"),
        recommendation=("lokalplanen vedtages endeligt med de foreslåede ændringer",
                        "høringssvarene besvares som foreslået"),
        decisions=("Anbefales over for Byrådet.", "Godkendt.", "Godkendt med den ændring, at byggehøjden "
                   "begrænses til to etager mod naboskellet."),
        attachments=("Bilag 1 Lokalplanforslag", "Bilag 2 Høringssvar og administrationens bemærkninger",
                     "Bilag 3 Miljøscreening"),
    ),
    Theme(
        key="bibliotek",
        titles=("Åbningstider på hovedbiblioteket", "Status på bibliotekernes arrangementer {y}"),
        background=("Biblioteket har i en periode haft uro i de selvbetjente åbningstimer.",
                    "Udvalget bad på sit seneste møde om forslag til at skabe trygge rammer."),
        presentation=("Biblioteket har sammen med SSP og politiet gennemført en række tiltag, herunder faste "
                      "vagtrunderinger om aftenen.",
                      "Siden tiltagene blev indført, er antallet af hændelser faldet markant.",
                      "Administrationen foreslår at fastholde de udvidede åbningstider og evaluere igen om et år."),
        subheads=(),
        bullets=("Vagtrunderinger om aftenen", "Kameraovervågning ved indgangen", "Samarbejde med SSP"),
        recommendation=("orienteringen tages til efterretning", "de udvidede åbningstider fastholdes"),
        decisions=("Taget til efterretning.", "Godkendt."),
        attachments=("Bilag 1 Oversigt over hændelser",),
    ),
    Theme(
        key="idraet",
        titles=("Tilskud til renovering af idrætshal", "Fordeling af haltider for sæson {y}/{y1}",
                "Frigivelse af midler til kunstgræsbane"),
        background=("Foreningerne har søgt om tilskud til at forny faciliteterne.",
                    "Der er afsat {mio} mio. kr. i anlægsbudgettet til idrætsfaciliteter."),
        presentation=("Hallen er mere end 40 år gammel, og taget og ventilationen trænger til udskiftning.",
                      "Foreningen bidrager selv med en tredjedel af udgiften og har fået tilsagn fra en fond.",
                      "Fordelingen af haltider følger de gældende retningslinjer, hvor børn og unge prioriteres."),
        subheads=(),
        bullets=("Nyt tag", "Ny ventilation", "Energibesparende belysning"),
        recommendation=("der gives tilskud som ansøgt", "tilskuddet finansieres af puljen til idrætsfaciliteter"),
        decisions=("Godkendt.", "Anbefales over for Økonomiudvalget."),
        attachments=("Bilag 1 Ansøgning fra foreningen", "Bilag 2 Budget for renoveringen"),
    ),
    Theme(
        key="affald",
        titles=("Ny affaldsordning for sommerhuse", "Affaldsplan {y1}-{y3}", "Takster for affald {y1}"),
        background=("Kommunen skal tilpasse affaldsindsamlingen til de nationale krav om sortering.",
                    "Affaldsselskabet har udarbejdet et forslag til en ny ordning."),
        presentation=("Forslaget indebærer, at sommerhusene får samme sortering som helårsboliger, med spand til "
                      "madaffald og en beholder med to rum.",
                      "Taksten for en sommerhusgrund stiger med omkring {pct} pct.",
                      "Ordningen har været drøftet med grundejerforeningerne, som overordnet bakker op."),
        subheads=(),
        bullets=("Madaffald", "Papir og pap", "Plast og metal", "Restaffald"),
        recommendation=("den nye ordning godkendes og sendes i høring",),
        decisions=("Godkendt.", "Anbefales over for Byrådet."),
        attachments=("Bilag 1 Forslag til affaldsregulativ", "Bilag 2 Takstberegning"),
    ),
    Theme(
        key="dagtilbud",
        titles=("Kapacitet i dagtilbud {y}-{y3}", "Minimumsnormeringer i dagtilbud - status",
                "Ny daginstitution i den østlige bydel"),
        background=("Børnetallet stiger i den østlige del af kommunen, og der bliver brug for flere pladser.",
                    "Befolkningsprognosen for {y} viser {antal} flere børn i alderen 0-5 år inden for fire år."),
        presentation=("Administrationen foreslår at bygge en ny institution med plads til seks grupper.",
                      "Indtil den nye institution står klar, kan der etableres midlertidige pladser i pavilloner.",
                      "Forældrebestyrelserne i området er orienteret og har afgivet høringssvar."),
        subheads=(),
        bullets=("Ny institution med seks grupper", "Midlertidige pavilloner", "Tilpasning af pasningsgarantien"),
        recommendation=("kapacitetsplanen godkendes", "der igangsættes projektering af en ny institution"),
        decisions=("Godkendt.", "Anbefales over for Økonomiudvalget og Byrådet.", "Taget til efterretning."),
        attachments=("Bilag 1 Kapacitetsanalyse", "Bilag 2 Høringssvar fra forældrebestyrelser"),
    ),
    Theme(
        key="aeldre",
        titles=("Kvalitetsstandard for hjemmepleje {y1}", "Status på rekruttering i ældreplejen",
                "Tilsyn på plejecentrene {y}"),
        background=("Udvalget skal hvert år godkende kvalitetsstandarderne for personlig pleje og praktisk hjælp.",
                    "Der er fortsat svært at rekruttere social- og sundhedsassistenter."),
        presentation=("Standarderne er opdateret, så de passer til den nye ældrelov, hvor borgeren får mere "
                      "indflydelse på hjælpens indhold.",
                      "Det uanmeldte tilsyn fandt generelt en god kvalitet, men peger på dokumentationen af "
                      "medicinhåndtering.",
                      "Administrationen har iværksat et forløb for nye medarbejdere med fast mentor det første år."),
        subheads=(),
        bullets=("Personlig pleje", "Praktisk hjælp", "Medicinhåndtering"),
        recommendation=("kvalitetsstandarderne godkendes", "tilsynsrapporterne tages til efterretning"),
        decisions=("Godkendt.", "Taget til efterretning."),
        attachments=("Bilag 1 Kvalitetsstandarder {y1}", "Bilag 2 Tilsynsrapporter"),
    ),
)

#: Case procedure lines ("Sagsprocedure"), naming the committees a case passes through.
PROCEDURES = ("{udvalg}.", "{udvalg}, Økonomiudvalget og Byrådet.", "{udvalg} og Økonomiudvalget.")

#: Recurring texts for the 'other' sections of the municipal template.
ECONOMY = ("Sagen har ingen økonomiske konsekvenser.",
           "Udgiften på {mio} mio. kr. afholdes inden for udvalgets ramme.",
           "Udgiften finansieres af den afsatte pulje i budget {y}.")
LAW = ("Lov om social service.", "Planloven.", "Kommunestyrelsesloven.", "Lov om dag-, fritids- og klubtilbud.")
SCHEDULE = ("Sagen forventes afsluttet inden udgangen af {y}.", "Arbejdet igangsættes straks efter godkendelse.")
COMMUNICATION = ("Der udsendes en pressemeddelelse efter byrådets behandling.",
                 "Beslutningen offentliggøres på kommunens hjemmeside.")
HEARING = ("Sagen har været sendt i høring hos de berørte råd og bestyrelser.",
           "Handicaprådet og Ældrerådet har haft sagen i høring.")

#: Closed items (lukkede punkter): only the title and a short note are published.
CLOSED_TITLES = ("Orientering fra administrationen", "Salg af ejendom", "Personalesag",
                 "Tillæg til købsaftale", "Godkendelse af ny forpagter", "Borgersag")
CLOSED_NOTES = ("Taget til efterretning.", "Godkendt.", "Drøftet.")
