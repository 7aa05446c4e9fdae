"""The subjects KKR Midtjylland deals with, as pools of Danish sentences written for the demo.

A theme is a recurring case: it comes back over several meetings under one case number. The
generator picks and fills sentences from these pools, so the text reads like a real record while
every word is our own. Placeholders: {y} the meeting's year, {y1} the year after, {y3} three years
on, {pct} a percentage, {mio} an amount in millions, {antal} a count.
"""

# ruff: noqa: E501 -- sentence pools read better unbroken; this file is data, not logic

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Theme:
    """Sentence pools for one subject; ``table`` rows are tab-separated, the first is the header."""

    key: str
    titles: tuple[str, ...]
    background: tuple[str, ...]
    presentation: tuple[str, ...]
    subheads: tuple[str, ...]
    bullets: tuple[str, ...]
    recommendation: tuple[str, ...]
    decisions: tuple[str, ...]
    attachments: tuple[str, ...]
    table: tuple[str, ...] = field(default_factory=tuple)


KKR_THEMES: tuple[Theme, ...] = (
    Theme(
        key="rammeaftale",
        titles=("Rammeaftale {y1}-{y3} for det specialiserede social- og undervisningsområde",
                "Proces for Rammeaftale {y1}-{y3}",
                "Udviklingsområder i rammeaftalen for {y1}"),
        background=(
            "Kommunerne og regionen indgår hvert andet år en rammeaftale om styring og udvikling af de "
            "specialiserede tilbud på social- og specialundervisningsområdet.",
            "Den administrative styregruppe har i foråret udarbejdet et udkast, som nu forelægges KKR Midtjylland.",
            "Aftalen skal være godkendt i samtlige byråd og i regionsrådet senest den 15. oktober {y}.",
            "Formålet er at sikre, at der også fremover findes de højt specialiserede pladser, som den enkelte "
            "kommune ikke selv kan drive.",
        ),
        presentation=(
            "Udkastet bygger videre på den gældende aftale, men lægger op til en enklere styringsdel og færre "
            "faste afrapporteringer. Kommunerne har i høringsperioden peget på, at takstudviklingen fortsat "
            "skal følges tæt.",
            "Der foreslås to nye udviklingsområder: borgere med komplekse psykiatriske og sociale problemer samt "
            "overgangen fra barn til voksen for unge med handicap.",
            "Styregruppen anbefaler, at udgiftsniveauet pr. døgnplads højst stiger med pris- og lønfremskrivningen "
            "i aftaleperioden.",
            "Kommunernes tilbagemeldinger viser bred opbakning til at fastholde den fælles koordinering af "
            "pladser til borgere med erhvervet hjerneskade.",
            "Efter behandlingen i KKR sendes udkastet til politisk godkendelse i de 19 kommuner og i regionen.",
        ),
        subheads=("Styringsdelen", "Udviklingsområder", "Godkendelse i kommuner og region"),
        bullets=("Borgere med komplekse psykiatriske og sociale problemer",
                 "Unge med handicap i overgangen til voksenlivet",
                 "Takstudvikling og gennemsigtighed i priserne",
                 "Fælles koordinering af højt specialiserede pladser"),
        recommendation=("godkender udkastet til rammeaftalen og sender det til behandling i byrådene",
                        "drøfter forslagene til udviklingsområder",
                        "tager orienteringen om den videre proces til efterretning"),
        decisions=("KKR Midtjylland godkendte udkastet til rammeaftalen.",
                   "KKR Midtjylland tiltrådte indstillingen og bad om en status på takstudviklingen på et "
                   "kommende møde.",
                   "Indstillingen blev tiltrådt med bemærkning om, at overgangen fra barn til voksen skal have "
                   "særlig opmærksomhed."),
        attachments=("Udkast til rammeaftale {y1}-{y3}", "Notat om takstudviklingen {y}",
                     "Tidsplan for godkendelse i kommuner og region"),
    ),
    Theme(
        key="sundhedsreform",
        titles=("Status på sundhedsreformen", "Sundhedsrådenes opgaver og sammensætning",
                "Kommunernes forberedelse af sundhedsreformen"),
        background=(
            "Aftalen om en sundhedsreform flytter ansvaret for en række opgaver mellem kommuner og region.",
            "Reformen gennemføres trinvis gennem lovpakker, og den første har netop været i høring.",
            "KL har afgivet høringssvar og peget på, at kommunernes indflydelse i sundhedsrådene skal være reel.",
        ),
        presentation=(
            "De kommende sundhedsråd skal sikre sammenhæng i tilbuddene lokalt, men arbejdsdelingen mellem "
            "sundhedsråd og regionsråd er endnu ikke fuldt beskrevet i lovforslaget.",
            "Myndighedsansvaret for akutsygepleje og specialiseret genoptræning overgår til regionen. Kommunerne "
            "skal derfor i gang med at opgøre medarbejdere, bygninger og kontrakter, der følger med opgaverne.",
            "Kommunaldirektørerne har nedsat en fælles arbejdsgruppe, som forbereder overdragelsen og holder "
            "KKR orienteret undervejs.",
            "Der lægges op til, at hver kommune udpeger en kontaktperson, så spørgsmål om opgaveflytningen kan "
            "afklares hurtigt.",
        ),
        subheads=("Lovpakkerne", "Opgaveflytning", "Organisering i Midtjylland"),
        bullets=("Akutsygepleje", "Midlertidige pladser", "Patientrettet forebyggelse",
                 "Genoptræning på avanceret niveau"),
        recommendation=("tager orienteringen om status på sundhedsreformen til efterretning",
                        "drøfter kommunernes forberedelse af opgaveflytningen"),
        decisions=("KKR Midtjylland tog orienteringen til efterretning.",
                   "Orienteringen blev taget til efterretning. KKR ønsker en fast status på reformen på hvert møde "
                   "resten af året."),
        attachments=("KL's høringssvar om lovpakke 1", "Oversigt over opgaver, der flytter"),
    ),
    Theme(
        key="klima",
        titles=("Fælles klimaindsats i de midtjyske kommuner", "Klimasamarbejdet – status og næste skridt",
                "Strategisk energiplanlægning på tværs af kommunegrænser"),
        background=(
            "Kommunerne i Midtjylland har alle vedtaget klimaplaner, og flere opgaver kræver samarbejde på tværs.",
            "KKR Midtjylland besluttede sidste år at styrke koordineringen af klimaarbejdet.",
            "Et fælles sekretariat har siden indsamlet erfaringer fra kommunernes arbejde med grøn omstilling.",
        ),
        presentation=(
            "Erfaringerne viser, at især vandløb, kystbeskyttelse og placering af vedvarende energi går på tværs "
            "af kommunegrænser og kræver fælles planlægning.",
            "Der foreslås et årligt klimatopmøde for byrådsmedlemmer, hvor kommunerne deler resultater og "
            "drøfter fælles udfordringer.",
            "Kommunerne opgør deres udledning med samme værktøj, så resultaterne kan sammenlignes over tid.",
            "Samarbejdet kan med fordel koble sig på erhvervshusets arbejde med grøn omstilling i små og "
            "mellemstore virksomheder.",
        ),
        subheads=("Fælles planlægning", "Klimatopmøde", "Måling og opfølgning"),
        bullets=("Klimatilpasning langs vandløb og kyster", "Vedvarende energi og arealer",
                 "Grøn omstilling i virksomheder", "Fælles opgørelse af udledninger"),
        recommendation=("tilslutter sig forslaget om et årligt klimatopmøde",
                        "drøfter prioriteringen af de fælles indsatser"),
        decisions=("KKR Midtjylland tiltrådte indstillingen.",
                   "KKR Midtjylland bakkede op om klimatopmødet og bad sekretariatet komme med et program."),
        attachments=("Notat om klimasamarbejdet i Midtjylland", "Oversigt over kommunernes klimaplaner"),
    ),
    Theme(
        key="paedagog",
        titles=("Dimensionering af pædagoguddannelsen {y}/{y1}", "Optag på pædagoguddannelsen {y1}"),
        background=(
            "Hvert KKR indstiller hvert år antallet af studiepladser på pædagoguddannelsen i regionen.",
            "Uddannelsesudvalget har behandlet sagen og kommer med en indstilling til KKR.",
            "Ministeriet har bedt om KKR's indstilling inden udgangen af marts.",
        ),
        presentation=(
            "Prognoserne viser, at behovet for pædagoger stiger i de østjyske kommuner, mens det er mere stabilt "
            "i den vestlige del af regionen.",
            "Uddannelsesudvalget foreslår derfor at øge optaget med {antal} pladser og placere dem, hvor "
            "manglen forventes at blive størst.",
            "Fordelingen på specialiseringer foreslås fastholdt, da frafaldet er nogenlunde ens på de tre retninger.",
            "Uddannelsesinstitutionen har oplyst, at den kan rumme det større optag uden nye lokaler.",
        ),
        subheads=("Behovet for pædagoger", "Fordeling på uddannelsessteder"),
        bullets=("Dagtilbud", "Skole- og fritidspædagogik", "Social- og specialpædagogik"),
        recommendation=("godkender Uddannelsesudvalgets forslag til dimensionering",
                        "fastholder den nuværende fordeling på specialiseringer"),
        decisions=("KKR Midtjylland tiltrådte Uddannelsesudvalgets indstilling.",
                   "Indstillingen blev tiltrådt. Pædagogisk assistentuddannelse inddrages ved næste dimensionering."),
        attachments=("Brev fra ministeriet om dimensionering", "Prognose for pædagogbehovet {y}-{y3}"),
        table=("Uddannelsessted\tOptag {y}\tForslag {y1}", "Holstebro\t170\t172", "Viborg\t226\t230",
               "Herning\t128\t128", "Randers\t126\t132", "Aarhus\t448\t456", "Horsens\t146\t152"),
    ),
    Theme(
        key="sikrede",
        titles=("Kapacitet på de sikrede institutioner for børn og unge",
                "Udvidelse af antallet af sikrede pladser"),
        background=(
            "Belægningen på de sikrede institutioner har i en længere periode ligget over den aftalte kapacitet.",
            "Driftsherren har bedt kommunerne tage stilling til en midlertidig udvidelse med {antal} pladser.",
        ),
        presentation=(
            "Presset skyldes især flere unge i varetægtssurrogat og længere opholdstider. Det betyder, at unge "
            "i nogle tilfælde må vente i arresten på en plads.",
            "En udvidelse vil øge de samlede udgifter med omkring {mio} mio. kr. om året, som fordeles efter den "
            "sædvanlige finansieringsmodel.",
            "Styregruppen anbefaler, at udvidelsen evalueres efter to år, så kapaciteten kan tilpasses igen.",
        ),
        subheads=("Belægning og ventetid", "Udgifter og finansieringsmodel"),
        bullets=("Midlertidig udvidelse af kapaciteten", "Evaluering efter to år",
                 "Fælles finansiering efter den gældende model"),
        recommendation=("godkender en midlertidig udvidelse af kapaciteten",
                        "beder om en evaluering efter to år"),
        decisions=("KKR Midtjylland godkendte den midlertidige udvidelse.",
                   "Indstillingen blev tiltrådt, idet KKR ønsker en tæt opfølgning på udgifterne."),
        attachments=("Notat om belægning på de sikrede institutioner",),
    ),
    Theme(
        key="erhverv",
        titles=("Resultatkontrakt {y1} med Erhvervshus Midtjylland", "Erhvervsfremme i Midtjylland – status {y}"),
        background=(
            "KKR Midtjylland indgår hvert år en resultatkontrakt med erhvervshuset om mål for vejledning af "
            "virksomheder.",
            "Kommunaldirektørerne har drøftet et udkast, og erhvervshusets bestyrelse har kommenteret det.",
        ),
        presentation=(
            "Kontrakten fastholder målet om specialiseret vejledning af {antal} virksomheder om året og lægger "
            "vægt på grøn omstilling og digitalisering.",
            "Erhvervshuset skal samarbejde tæt med den lokale erhvervsservice, så virksomhederne oplever én "
            "indgang til vejledningen.",
            "Resultaterne for det forløbne år viser, at de fleste mål er nået, mens målet for eksportrettede "
            "forløb ikke blev indfriet.",
        ),
        subheads=("Mål for det kommende år", "Samarbejdet med kommunerne"),
        bullets=("Specialiseret vejledning", "Grøn omstilling", "Digitalisering", "Rekruttering af arbejdskraft"),
        recommendation=("godkender resultatkontrakten for {y1}",),
        decisions=("KKR Midtjylland godkendte resultatkontrakten.",
                   "Resultatkontrakten blev godkendt. Kommuner, der ønsker det, kan aftale lokale mål med "
                   "erhvervshuset."),
        attachments=("Udkast til resultatkontrakt {y1}", "Afrapportering for {y}"),
    ),
    Theme(
        key="praksisplan",
        titles=("Praksisplan for almen praksis {y1}-{y3}", "Praksisplan for fysioterapi", "Lægedækning i Midtjylland"),
        background=(
            "Praksisplanen beskriver, hvordan region og kommuner sikrer lægedækning og samarbejde med de "
            "praktiserende læger.",
            "Planen har været i høring i kommunerne, og høringssvarene er samlet i et notat.",
        ),
        presentation=(
            "Flere områder i den vestlige del af regionen har svært ved at tiltrække praktiserende læger, og "
            "regionen driver derfor et antal klinikker midlertidigt.",
            "Kommunerne ønsker, at planen i højere grad beskriver samarbejdet om ældre medicinske patienter og "
            "om borgere på midlertidige pladser.",
            "Regionen har imødekommet en del af bemærkningerne, men planen indeholder fortsat ikke konkrete mål "
            "for lægedækningen i yderområderne.",
        ),
        subheads=("Høringssvarene", "Lægedækning"),
        bullets=("Samarbejde om ældre medicinske patienter", "Lægedækning i yderområder",
                 "Praktiserende lægers rolle på plejecentre"),
        recommendation=("anbefaler praksisplanen over for kommunerne", "drøfter lægedækningen i yderområderne"),
        decisions=("KKR Midtjylland anbefalede praksisplanen.",
                   "Indstillingen blev tiltrådt med bemærkning om, at lægedækningen i yderområderne følges tæt."),
        attachments=("Høringsudkast til praksisplan", "Notat med høringssvar fra kommunerne"),
    ),
    Theme(
        key="sosu",
        titles=("Praktikpladser på SOSU-uddannelserne {y1}", "Fordeling af SOSU-elever mellem kommunerne {y1}"),
        background=(
            "Kommunerne er forpligtet til at stille et minimum af praktikpladser til rådighed på social- og "
            "sundhedsuddannelserne.",
            "Den fælles aftale om fordeling af elever skal fornyes for {y1}.",
        ),
        presentation=(
            "Tilgangen til social- og sundhedsassistentuddannelsen ligger under den fastsatte minimumsdimensionering, "
            "mens hjælperuddannelsen stort set følger planen.",
            "Skolerne foreslår en fælles kampagne rettet mod voksne, der overvejer et brancheskift.",
            "Fordelingen mellem kommunerne følger som hidtil andelen af ældre borgere i hver kommune.",
        ),
        subheads=("Tilgang og frafald", "Fordelingsnøgle"),
        bullets=("Fælles rekrutteringskampagne", "Bedre introduktion i første praktik", "Mentorordning for voksne elever"),
        recommendation=("godkender fordelingen af praktikpladser for {y1}",
                        "bakker op om en fælles rekrutteringskampagne"),
        decisions=("KKR Midtjylland godkendte fordelingen.",
                   "Indstillingen blev tiltrådt, og kampagnen igangsættes efter sommerferien."),
        attachments=("Tabel over fordeling af praktikpladser", "Skolernes notat om tilgang og frafald"),
        table=("Kommune\tAssistentelever\tHjælperelever", "Herning\t58\t34", "Randers\t64\t39",
               "Silkeborg\t62\t36", "Viborg\t63\t35", "Aarhus\t205\t118"),
    ),
    Theme(
        key="beskaeftigelse",
        titles=("Mangel på arbejdskraft og den regionale beskæftigelsesindsats",
                "Beskæftigelsesindsatsen i Midtjylland {y}"),
        background=(
            "Ledigheden i Midtjylland er lav, og mange virksomheder melder om forgæves rekrutteringer.",
            "Det regionale arbejdsmarkedsråd har bedt KKR drøfte, hvordan kommunerne kan bidrage til at få flere "
            "i job.",
        ),
        presentation=(
            "Særligt inden for bygge og anlæg, sundhed og transport er der mangel på faglærte. Samtidig står en "
            "gruppe borgere fortsat langt fra arbejdsmarkedet.",
            "Jobcentrene har gode erfaringer med virksomhedsrettede forløb, hvor borgeren hurtigt kommer ud på en "
            "arbejdsplads med støtte fra en mentor.",
            "Der foreslås et fælles forløb for jobcenterchefer og erhvervschefer, så indsatserne hænger bedre sammen.",
        ),
        subheads=("Udfordringerne", "Forslag til fælles indsatser"),
        bullets=("Opkvalificering af ledige til faglærte job", "Virksomhedsrettede forløb",
                 "Samarbejde mellem jobcentre og erhvervsservice"),
        recommendation=("drøfter kommunernes bidrag til at løse manglen på arbejdskraft",),
        decisions=("KKR Midtjylland drøftede sagen.",
                   "Sagen blev drøftet, og KKR bad om et oplæg til fælles indsatser på et kommende møde."),
        attachments=("Analyse af rekrutteringsudfordringer",),
    ),
    Theme(
        key="trafik",
        titles=("Kollektiv trafik – trafikplan {y1}-{y3}", "Takster og kørselsplan hos trafikselskabet {y1}",
                "Mobilitet i landdistrikterne"),
        background=(
            "Trafikselskabet har udarbejdet et udkast til en ny trafikplan, som skal behandles af kommuner og region.",
            "Passagertallet er endnu ikke tilbage på niveauet fra før nedlukningerne.",
        ),
        presentation=(
            "Udkastet lægger op til færre, men hurtigere forbindelser mellem de større byer og mere fleksibel "
            "kørsel i landdistrikterne.",
            "Kommunerne har påpeget, at ændringer i de regionale ruter kan få betydning for elevers transport til "
            "ungdomsuddannelser.",
            "Der lægges op til en takststigning på {pct} pct., som svarer til den forventede udvikling i "
            "omkostningerne.",
        ),
        subheads=("Hovedlinjer i planen", "Takster"),
        bullets=("Hurtige forbindelser mellem de større byer", "Fleksibel kørsel i landdistrikterne",
                 "Transport til ungdomsuddannelser"),
        recommendation=("afgiver bemærkninger til udkastet til trafikplan",),
        decisions=("KKR Midtjylland drøftede udkastet og bad om, at elevtransporten vægtes højt.",
                   "KKR Midtjylland tog orienteringen til efterretning."),
        attachments=("Udkast til trafikplan", "Oversigt over ændringer i ruter"),
    ),
    Theme(
        key="psykiatri",
        titles=("Den nære psykiatri – status på indsatserne", "Samarbejde om børn og unges mentale sundhed"),
        background=(
            "Kommunerne, regionen og de praktiserende læger samarbejder om en række indsatser i den nære psykiatri.",
            "Indsatserne blev præsenteret på en fælles konference i januar.",
        ),
        presentation=(
            "De første erfaringer viser, at fælles forløbsplaner gør overgangen mellem behandling og kommunale "
            "tilbud mere sikker for borgeren.",
            "Der er fortsat lange ventetider i børne- og ungdomspsykiatrien, og kommunerne oplever et stigende pres "
            "på de forebyggende tilbud.",
            "Styregruppen foreslår, at tre af indsatserne udbredes til alle kommuner fra næste år.",
        ),
        subheads=("Erfaringer", "Udbredelse"),
        bullets=("Fælles forløbsplaner", "Udgående teams", "Trivselsvejledere i overgangen til ungdomsuddannelse"),
        recommendation=("tager status til efterretning", "tilslutter sig, at tre indsatser udbredes"),
        decisions=("KKR Midtjylland tiltrådte indstillingen.",
                   "Indstillingen blev tiltrådt. Ventetiderne i børne- og ungdomspsykiatrien tages op med regionen."),
        attachments=("Konferenceavis om den nære psykiatri", "Status for de enkelte indsatser"),
    ),
    Theme(
        key="oekonomi",
        titles=("Kommunernes økonomiforhandlinger for {y1}", "Økonomiaftalen for {y1} – konsekvenser for kommunerne"),
        background=(
            "KL og regeringen forhandler i løbet af foråret om kommunernes økonomi for det kommende år.",
            "KKR drøfter forud for forhandlingerne de midtjyske kommuners prioriteter.",
        ),
        presentation=(
            "Kommunerne oplever stigende udgifter på det specialiserede socialområde og til ældre, mens "
            "anlægsrammen er presset af prisudviklingen.",
            "KL vil i forhandlingerne lægge vægt på et større økonomisk råderum og færre statslige krav til "
            "dokumentation.",
            "Efter aftalens indgåelse vil sekretariatet udarbejde et overblik over konsekvenserne for de enkelte "
            "kommuner.",
        ),
        subheads=("Kommunernes udfordringer", "KL's prioriteter"),
        bullets=("Udgifter til det specialiserede socialområde", "Anlægsrammen", "Færre dokumentationskrav"),
        recommendation=("drøfter de midtjyske kommuners prioriteter forud for forhandlingerne",),
        decisions=("KKR Midtjylland drøftede sagen.",
                   "Drøftelsen blev taget til efterretning og indgår i KL's forberedelse af forhandlingerne."),
        attachments=("Notat om kommunernes økonomi {y}",),
    ),
    Theme(
        key="digital",
        titles=("Mobil- og bredbåndsdækning i Midtjylland", "Digital infrastruktur – handlingsplan {y}"),
        background=(
            "Der er fortsat områder i regionen uden tilstrækkelig mobil- og bredbåndsdækning.",
            "Kontaktudvalget vedtog en fælles handlingsplan for digital infrastruktur.",
        ),
        presentation=(
            "Kommunerne har kortlagt huller i dækningen langs veje og jernbaner og i sommerhusområder. "
            "Kortlægningen er sendt til teleselskaberne.",
            "Der søges midler fra den statslige bredbåndspulje til de områder, hvor markedet ikke selv sikrer en "
            "løsning.",
        ),
        subheads=("Kortlægning", "Pulje til bredbånd"),
        bullets=("Dækning langs veje og jernbaner", "Sommerhusområder", "Erhvervsområder i landdistrikterne"),
        recommendation=("tager orienteringen til efterretning",),
        decisions=("KKR Midtjylland tog orienteringen til efterretning.",),
        attachments=("Kort over dækningshuller",),
    ),
    Theme(
        key="uddannelse",
        titles=("Strategi og handleplan for uddannelsesområdet", "Flere unge i erhvervsuddannelse"),
        background=(
            "Andelen af unge, der vælger en erhvervsuddannelse, er lavere end målet i de fleste midtjyske kommuner.",
            "Uddannelsesudvalget har udarbejdet et forslag til en fælles strategi.",
        ),
        presentation=(
            "Strategien peger på bedre vejledning i udskolingen, flere praktikpladser og et tættere samarbejde "
            "med de lokale virksomheder.",
            "Kommunerne opfordres til at dele erfaringer fra lokale projekter, hvor elever møder virksomheder "
            "allerede i syvende klasse.",
        ),
        subheads=("Indsatsområder", "Opfølgning"),
        bullets=("Vejledning i udskolingen", "Praktikpladser", "Samarbejde med virksomheder"),
        recommendation=("godkender strategien", "beder Uddannelsesudvalget følge op årligt"),
        decisions=("KKR Midtjylland godkendte strategien.",),
        attachments=("Strategi for uddannelsesområdet", "Handleplan {y}-{y1}"),
    ),
    Theme(
        key="kultur",
        titles=("Kulturaftale for Midtjylland {y1}-{y3}", "Kultursamarbejdet i Midtjylland"),
        background=(
            "Kommunerne i Midtjylland har en fælles kulturaftale med staten, som udløber ved årets udgang.",
            "Kulturchefnetværket har udarbejdet et forslag til temaer for en ny aftale.",
        ),
        presentation=(
            "Forslaget lægger vægt på kulturtilbud for børn og unge i landdistrikterne og på samarbejde mellem "
            "de større kulturinstitutioner.",
            "Kommunerne medfinansierer aftalen med et beløb pr. indbygger, som foreslås uændret.",
        ),
        subheads=("Temaer", "Medfinansiering fra kommunerne"),
        bullets=("Børn og unge i landdistrikterne", "Samarbejde mellem kulturinstitutioner", "Kultur og sundhed"),
        recommendation=("tilslutter sig temaerne for en ny kulturaftale",),
        decisions=("KKR Midtjylland tiltrådte indstillingen.",),
        attachments=("Forslag til temaer for kulturaftalen",),
    ),
)

#: Appointments (heading 4): outside bodies KKR names members to.
APPOINTMENT_BODIES = (
    "bestyrelsen for Erhvervshus Midtjylland", "Sundhedssamarbejdsudvalget", "Det Regionale Arbejdsmarkedsråd",
    "bestyrelsen for VIA University College", "Midttrafiks repræsentantskab", "Uddannelsesudvalget",
    "Vækstforum for Region Midtjylland", "bestyrelsen for Business Region Aarhus",
)

#: KKR's own matters (heading 5).
KKR_MATTERS = (
    "Aktuelt om kommunestyret", "KKR Midtjyllands arbejdsform i valgperioden", "Mødeplan for KKR Midtjylland {y1}",
    "Evaluering af KKR-samarbejdet", "Temadrøftelse om det nære sundhedsvæsen",
)

#: Subjects of the "Siden sidst" orientation (heading 2).
ORIENTATIONS = (
    "Møde med regionsrådsformanden", "Møde i Kontaktudvalget", "KL's kommunalpolitiske topmøde",
    "Møde med VIA's bestyrelsesformand", "Møde i KL's bestyrelse", "Formandskabsmøde mellem KL og KKR",
    "Møde i Sundhedssamarbejdsudvalget", "Ungetopmødet", "Klimatopmødet",
)

#: What the orientation says about each meeting.
ORIENTATION_NOTES = (
    "Formandskabet orienterer mundtligt om drøftelserne på mødet.",
    "På mødet blev der især talt om rekruttering af medarbejdere og om samarbejdet på sundhedsområdet.",
    "Mødet handlede blandt andet om de kommende økonomiforhandlinger og om klimaområdet.",
    "Parterne var enige om at følge op på sagen efter sommerferien.",
)

#: Decisions for standard items, by item kind.
APPROVAL_DECISIONS = ("KKR Midtjylland godkendte referatet.", "Referatet blev godkendt.")
NOTED_DECISIONS = ("KKR Midtjylland tog orienteringen til efterretning.",
                   "Orienteringen blev taget til efterretning.")
OTHER_BUSINESS_DECISIONS = ("Intet.", "Der var ingen bemærkninger.",
                            "Formanden takkede for et godt møde.")

#: Paragraphs about how KKR works on any case; mixed into the case texts so that items reach the
#: length of real ones (2-3 KB) without repeating a theme's own sentences.
GENERIC_PRESENTATION = (
    "Sagen har været drøftet i kommunaldirektørkredsen, som bakker op om den foreslåede retning. Direktørerne lægger vægt på, at kommunerne fortsat kan tilpasse indsatsen til lokale forhold, og at der følges op på de aftalte mål mindst en gang om året.",
    "KL's sekretariat har bistået med analyser og har sammenlignet med de løsninger, som de fire andre KKR har valgt. Der er generelt gode erfaringer med en fælles ramme, som den enkelte kommune kan udfylde efter egne behov og prioriteringer.",
    "Administrativt er der nedsat en arbejdsgruppe med deltagelse af en række kommuner og regionen. Arbejdsgruppen har holdt fire møder og har i den forbindelse inddraget relevante faglige netværk, herunder de kommunale chefforummer på området.",
    "Der er tale om en sag med betydning for alle 19 kommuner i Midtjylland, og derfor lægges der op til en fælles midtjysk tilgang. Det er samtidig vigtigt, at beslutningerne kan forklares over for byrådene, som skal træffe de endelige beslutninger lokalt.",
    "Forslaget indebærer ikke merudgifter for kommunerne ud over det, der allerede er forudsat i budgetterne. Skulle der vise sig behov for yderligere midler, vil sagen blive forelagt KKR igen med et konkret forslag til finansiering.",
    "Tidsplanen er stram, fordi en række frister er fastsat nationalt. Sekretariatet vil derfor sende materialet til kommunerne umiddelbart efter mødet, så der er mulighed for at behandle sagen i de politiske udvalg inden sommerferien.",
    "Regionen er orienteret om sagen og har tilkendegivet, at man ønsker et tæt samarbejde om den videre udmøntning. Der vil blive holdt et fælles møde mellem KKR's formandskab og regionsrådets formandskab, hvor sagen er på dagsordenen.",
    "Erfaringerne fra de seneste år viser, at de fælles aftaler virker bedst, når der er klare roller og en enkel opfølgning. Der lægges derfor op til en kort årlig status frem for omfattende skriftlige afrapporteringer, som har vist sig at være tidskrævende.",
    "Kommunerne har i dialogen peget på, at udfordringerne er forskellige i land og by. Der er derfor lagt vægt på, at den fælles ramme giver plads til forskellige løsninger, så længe de samlede mål nås inden for aftaleperioden.",
    "Sekretariatet vil i samarbejde med kommunaldirektørkredsen udarbejde et forslag til, hvordan resultaterne kan følges. Forslaget forelægges KKR på et senere møde, og der vil i den forbindelse blive givet en status på de igangsatte initiativer.",
)
