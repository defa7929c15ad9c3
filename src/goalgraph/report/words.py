"""The report's own words, in English and Danish, and numbers written the way each language writes them.

The data's texts are shown as they are; only the headings, explanations and
markers of the report come from here. Every entry has both languages, so a report
in either is complete.
"""

from __future__ import annotations

from typing import Literal

__all__ = ["Words"]

# key: (English, Danish). Placeholders in braces are filled by Words.__call__.
_WORDS: dict[str, tuple[str, str]] = {
    # The document
    "untitled": ("goalgraph report", "goalgraph-rapport"),
    "contents": ("Contents", "Indhold"),
    "generated": (
        "Generated on {date} by goalgraph {version} from the data loaded.",
        "Dannet den {date} af goalgraph {version} ud fra de indlæste data.",
    ),
    "and_more": ("and {count} more", "og {count} mere"),
    "none": ("none", "ingen"),
    "dash": ("–", "–"),
    # 1. Summary
    "summary": ("Summary", "Sammenfatning"),
    "at_a_glance": ("At a glance", "Overblik"),
    "holdings": ("What the dataset holds", "Hvad datasættet rummer"),
    "what": ("What", "Hvad"),
    "count": ("Count", "Antal"),
    "triples": ("triples", "tripler"),
    "organisations": ("organisations", "organisationer"),
    "plans": ("plans", "planer"),
    "statements": ("statements", "målsætninger"),
    "alignments": ("alignments", "sammenhænge"),
    "glance_gaps": (
        "Gaps (missions and visions nothing supports)",
        "Huller (missioner og visioner, som intet understøtter)",
    ),
    "glance_orphans": (
        "Orphans (statements that support nothing)",
        "Forældreløse målsætninger (understøtter intet)",
    ),
    "glance_cross": ("Links across organisations", "Forbindelser på tværs af organisationer"),
    "glance_cycles": ("Alignment cycles", "Kredsløb i sammenhængene"),
    "glance_suggestions": ("Machine suggestions awaiting review", "Maskinforslag til gennemsyn"),
    "not_computed": ("not computed (see the section)", "ikke beregnet (se afsnittet)"),
    # 2. Statements by organisation
    "by_organisation": ("Statements by organisation", "Målsætninger pr. organisation"),
    "by_organisation_intro": (
        "Each organisation's statements, the top of the hierarchy first, grouped by plan and, "
        "within a plan, by type from the highest level down (missions and visions first). "
        "Upright text is the source's own words; italic text is the dataset's translation.",
        "Hver organisations målsætninger, øverst i hierarkiet først, samlet pr. plan og inden for "
        "en plan efter type fra øverste niveau og ned (missioner og visioner først). Tekst i "
        "almindelig skrift er kildens egne ord; tekst i kursiv er datasættets oversættelse.",
    ),
    "part_of": ("Part of", "Del af"),
    "members": ("Members", "Medlemmer"),
    "no_statements": (
        "No statements of its own in this dataset.",
        "Ingen egne målsætninger i dette datasæt.",
    ),
    "no_plan": ("Not in a plan", "Uden for en plan"),
    "plan_without_statements": (
        "No statements of this organisation in this plan.",
        "Ingen af organisationens målsætninger i denne plan.",
    ),
    "without_holder": ("Statements without a holder", "Målsætninger uden indehaver"),
    "id": ("Id", "Id"),
    "type": ("Type", "Type"),
    "statement": ("Statement", "Målsætning"),
    "no_statements_at_all": ("The dataset has no statements.", "Datasættet har ingen målsætninger."),
    # 3. Coverage
    "coverage": ("Coverage of missions and visions", "Dækning af missioner og visioner"),
    "coverage_rule": (
        "A mission or vision is a gap (✗ GAP) when no statement supports it, directly or through "
        "others: no stated or curated alignment leads to it from any statement. A plan that is said "
        "to be grounded in it (a stated link from a whole plan) is shown, but does not close a gap, "
        "because it names no statement that carries the mission or vision out. Suggested links do "
        "not count until someone accepts them. Gaps come first, then the least supported.",
        "En mission eller vision er et hul (✗ HUL), når ingen målsætning understøtter den, hverken "
        "direkte eller gennem andre: ingen angivet eller kurateret sammenhæng fører til den fra en "
        "målsætning. En plan, der siges at tage udgangspunkt i den (en angivet forbindelse fra en hel "
        "plan), vises, men lukker ikke et hul, fordi den ikke nævner en målsætning, der fører "
        "missionen eller visionen ud i livet. Foreslåede forbindelser tæller ikke, før nogen har "
        "godkendt dem. Huller står først, derefter de mindst understøttede.",
    ),
    "status": ("Status", "Status"),
    "mission_or_vision": ("Mission or vision", "Mission eller vision"),
    "holder": ("Holder", "Indehaver"),
    "direct_supporters": ("Direct supporters", "Direkte understøttet af"),
    "through_others": ("Through others", "Gennem andre"),
    "plans_citing": ("Plans grounded in it", "Planer med udgangspunkt i den"),
    "gap_mark": ("✗ GAP", "✗ HUL"),
    "covered_mark": ("✓ covered", "✓ dækket"),
    "only_plan": ("supported only by a plan", "kun understøttet af en plan"),
    "top_mark": ("top", "top"),
    "no_missions": (
        "The dataset has no missions or visions.",
        "Datasættet har ingen missioner eller visioner.",
    ),
    # 4. Orphans
    "orphans": ("Orphans: statements that support nothing", "Forældreløse målsætninger: understøtter intet"),
    "orphans_intro": (
        "Statements other than missions and visions with no alignment to anything above them: the "
        "data does not say what they serve. “Supported by” counts the statements that support the "
        "orphan itself.",
        "Målsætninger, bortset fra missioner og visioner, uden nogen sammenhæng til noget over sig: "
        "data siger ikke, hvad de tjener. »Understøttet af« tæller de målsætninger, der understøtter "
        "den forældreløse målsætning selv.",
    ),
    "supported_by": ("Supported by", "Understøttet af"),
    "text": ("Text", "Tekst"),
    "no_orphans": (
        "No orphans: every statement below the missions and visions supports another.",
        "Ingen forældreløse målsætninger: alle målsætninger under missionerne og visionerne understøtter en anden.",
    ),
    # 5. Cross-organisation links
    "cross": ("Links across organisations", "Forbindelser på tværs af organisationer"),
    "cross_intro": (
        "Alignments whose two ends are held by different organisations, and statements of "
        "different organisations or plans in the very same words (the cross-organisation query).",
        "Sammenhænge, hvis to ender har forskellige indehavere, og målsætninger fra forskellige "
        "organisationer eller planer med nøjagtig samme ordlyd (forespørgslen cross-organisation).",
    ),
    "from": ("From", "Fra"),
    "to": ("To", "Til"),
    "link": ("Link", "Forbindelse"),
    "strength": ("Strength", "Styrke"),
    "kind_alignment": ("{kind} alignment", "{kind} sammenhæng"),
    "same_words": ("same words", "samme ordlyd"),
    "no_cross": (
        "No links join statements of different organisations.",
        "Ingen forbindelser går mellem målsætninger fra forskellige organisationer.",
    ),
    # 6. Matrices
    "matrix": ("Alignment matrices", "Sammenhængsmatricer"),
    "matrix_intro": (
        "Each cell tells how the row's statement supports the column's: the strength of a curated "
        "link (strong, moderate, weak), “stated” for a link a source states, “indirect” when the "
        "row supports the column only through other statements, and nothing when it does not "
        "support it at all (as the matrix query answers).",
        "Hver celle fortæller, hvordan rækkens målsætning understøtter kolonnens: styrken af en "
        "kurateret forbindelse (stærk, moderat, svag), »angivet« for en forbindelse, som en kilde "
        "angiver, »indirekte« når rækken kun understøtter kolonnen gennem andre målsætninger, og "
        "intet, når den slet ikke understøtter den (som forespørgslen matrix svarer).",
    ),
    "focus_by_marker": (
        "Focus points × strategic markers: {holder}",
        "Fokuspunkter × strategiske pejlemærker: {holder}",
    ),
    "marker_by_vision": ("Strategic markers × the top visions", "Strategiske pejlemærker × topvisionerne"),
    "indirect": ("indirect", "indirekte"),
    "columns": ("Columns", "Kolonner"),
    "no_focus_points": ("The dataset has no focus points.", "Datasættet har ingen fokuspunkter."),
    "no_focus_and_markers": (
        "No organisation holds both focus points and strategic markers.",
        "Ingen organisation har både fokuspunkter og strategiske pejlemærker.",
    ),
    "no_markers_and_visions": (
        "The dataset has no strategic markers and top visions to cross.",
        "Datasættet har ingen strategiske pejlemærker og topvisioner at krydse.",
    ),
    "matrix_cut": (
        "Shown: {rows} of {all_rows} rows and {columns} of {all_columns} columns "
        "(goalgraph query matrix gives them all).",
        "Vist: {rows} af {all_rows} rækker og {columns} af {all_columns} kolonner "
        "(goalgraph query matrix giver dem alle).",
    ),
    # 7. Scores
    "scores": ("Alignment scores", "Sammenhængsscorer"),
    "scores_definition": (
        "An organisation's alignment score is the average strength of its statements' best paths "
        "to the top (the missions and visions of the highest organisations). A path is as strong "
        "as its links multiplied together: {weights}, and a link a source states counts 1. A "
        "strong and a moderate link together make {example}. A statement that does not reach the "
        "top counts 0. The reach share is simply the share of its statements that reach the top "
        "at all, however weakly: a low score with a high reach share means weak links, a low reach "
        "share means statements that lead nowhere. Top statements themselves are not scored.",
        "En organisations sammenhængsscore er gennemsnittet af styrken af dens målsætningers "
        "bedste vej til toppen (missionerne og visionerne hos de øverste organisationer). En vej "
        "er så stærk som dens forbindelser ganget sammen: {weights}, og en forbindelse, som en "
        "kilde angiver, tæller 1. En stærk og en moderat forbindelse giver tilsammen {example}. En "
        "målsætning, der ikke når toppen, tæller 0. Andelen, der når toppen, er blot andelen af "
        "dens målsætninger, der overhovedet når toppen: en lav score med en høj andel betyder "
        "svage forbindelser, en lav andel betyder målsætninger, der ikke fører nogen vegne. "
        "Topmålsætningerne selv får ingen score.",
    ),
    "organisation": ("Organisation", "Organisation"),
    "held": ("Statements", "Målsætninger"),
    "scored": ("Scored", "Med score"),
    "reaching": ("Reaching the top", "Når toppen"),
    "score": ("Score", "Score"),
    "reach_share": ("Reach share", "Andel, der når toppen"),
    "nothing_to_score": ("only top statements: nothing to score", "kun topmålsætninger: intet at give score"),
    "no_scores": ("No organisation holds statements.", "Ingen organisation har målsætninger."),
    # 8. Suggestions
    "suggestions": ("Suggested links awaiting review", "Foreslåede forbindelser til gennemsyn"),
    "suggestions_banner": (
        "⚠ Machine suggestions, not curated. goalgraph proposes these links because the two "
        "statements share words (TF-IDF over word stems, in Danish and English). They are not "
        "alignments: none counts in the coverage, orphans, matrices or scores above until an "
        "analyst has reviewed and accepted it.",
        "⚠ Maskinforslag, ikke kurateret. goalgraph foreslår disse forbindelser, fordi de to "
        "målsætninger har ord til fælles (TF-IDF over ordstammer, på dansk og engelsk). De er ikke "
        "sammenhænge: ingen af dem tæller med i dækning, forældreløse målsætninger, matricer eller "
        "scorer ovenfor, før en analytiker har gennemset og godkendt den.",
    ),
    "suggestion_mark": ("suggestion", "forslag"),
    "rank": ("#", "#"),
    "would_support": ("From (would support)", "Fra (ville understøtte)"),
    "shared_words": ("Shared words", "Fælles ord"),
    "suggestions_shown": (
        "The {shown} best of {total} suggestions scoring at least {minimum}; goalgraph suggest "
        "lists them all and writes them as Turtle for review.",
        "De {shown} bedste af {total} forslag med en score på mindst {minimum}; goalgraph suggest "
        "viser dem alle og skriver dem som Turtle til gennemsyn.",
    ),
    "no_suggestions": (
        "No suggestions: no two unlinked statements share enough words.",
        "Ingen forslag: ingen to uforbundne målsætninger har ord nok til fælles.",
    ),
    "suggestions_skipped": (
        "Not computed for this dataset: it has {count} statements, more than {limit}, and comparing "
        "the words of every pair grows with the square of their number. goalgraph suggest computes "
        "them on their own.",
        "Ikke beregnet for dette datasæt: det har {count} målsætninger, flere end {limit}, og at "
        "sammenligne ordene i hvert par vokser med kvadratet på deres antal. goalgraph suggest "
        "beregner dem for sig.",
    ),
    "stored_suggestions": ("Suggestions stored in the data", "Forslag gemt i data"),
    "rationale": ("Rationale", "Begrundelse"),
    # A large graph's report: an index page and a page per organisation
    "large_notice": (
        "This dataset is large: {count} statements, more than {limit}. So that this page stays "
        "small, it leaves out the detail per organisation (each organisation's statements, the "
        "coverage of its missions and visions, its orphans and its links across organisations) "
        "and gives the summary only. To have it all, write the report as an index page with a "
        "page per organisation, with the same data options:",
        "Dette datasæt er stort: {count} målsætninger, flere end {limit}. For at siden kan forblive "
        "lille, udelader den detaljerne pr. organisation (hver organisations målsætninger, dækningen "
        "af dens missioner og visioner, dens forældreløse målsætninger og dens forbindelser på "
        "tværs af organisationer) og giver kun sammenfatningen. For at få det hele skrives "
        "rapporten som en indeksside med en side pr. organisation, med de samme dataindstillinger:",
    ),
    "split_command": ("goalgraph report --split -o report/", "goalgraph report --split -o rapport/"),
    "split_intro": (
        "The report is split into pages: this index gives the summary, and each organisation has "
        "a page of its own with its statements, the coverage of its missions and visions, its "
        "orphans, its links across organisations and its scores. The organisations down to {depth} "
        "levels below the top are listed under the scores; the others are reached through the "
        "pages of the organisations above them.",
        "Rapporten er delt i sider: dette indeks giver sammenfatningen, og hver organisation har "
        "sin egen side med sine målsætninger, dækningen af sine missioner og visioner, sine "
        "forældreløse målsætninger, sine forbindelser på tværs af organisationer og sine scorer. "
        "Organisationerne ned til {depth} niveauer under toppen står under scorerne; de øvrige "
        "nås gennem siderne for organisationerne over dem.",
    ),
    "trail": ("Where this page is", "Hvor denne side er"),
    "index_scores": ("Organisations and their scores", "Organisationer og deres scorer"),
    "index_scores_intro": (
        "The organisations down to {depth} levels below the top, each linked to its page.",
        "Organisationerne ned til {depth} niveauer under toppen, hver med en henvisning til sin side.",
    ),
    "no_statements_held": ("holds no statements", "har ingen målsætninger"),
    "gaps": ("Gaps: missions and visions nothing supports", "Huller: missioner og visioner, som intet understøtter"),
    "no_gaps": (
        "No gaps: every mission and vision is supported by some statement.",
        "Ingen huller: alle missioner og visioner understøttes af en målsætning.",
    ),
    "rows_cut": (
        "Shown: the first {shown} of {total}; the organisations' pages have them all.",
        "Vist: de første {shown} af {total}; organisationernes sider har dem alle.",
    ),
    "orphans_by_organisation": (
        "Orphans counted per organisation, with the first of them; each organisation's page lists its own.",
        "Forældreløse målsætninger talt pr. organisation, med de første af dem; hver organisations "
        "side viser sine egne.",
    ),
    "first_of_them": ("The first of them", "De første af dem"),
    "cycles": ("Alignment cycles", "Kredsløb i sammenhængene"),
    "cycles_intro": (
        "Statements that support one another round in a circle, each cycle from its first statement on.",
        "Målsætninger, der understøtter hinanden i ring, hvert kredsløb fra sin første målsætning.",
    ),
    "no_cycles": ("No alignment cycles.", "Ingen kredsløb i sammenhængene."),
    "cycles_cut": (
        "Shown: {shown} of {total} cycles.",
        "Vist: {shown} af {total} kredsløb.",
    ),
    "organisation_section": ("The organisation", "Organisationen"),
    "sub_organisations": ("Sub-organisations", "Underorganisationer"),
    "no_sub_organisations": ("No sub-organisations.", "Ingen underorganisationer."),
    "by_plan": ("Statements by plan and type", "Målsætninger pr. plan og type"),
    "no_own_missions": (
        "It holds no missions or visions.",
        "Den har ingen missioner eller visioner.",
    ),
    "no_own_orphans": (
        "None of its statements is an orphan.",
        "Ingen af dens målsætninger er forældreløse.",
    ),
    "no_own_cross": (
        "None of its statements is linked to another organisation's.",
        "Ingen af dens målsætninger er forbundet med en anden organisations.",
    ),
    "cross_cut": (
        "Shown: {shown} of {total} links; goalgraph query cross-organisation gives them all.",
        "Vist: {shown} af {total} forbindelser; goalgraph query cross-organisation giver dem alle.",
    ),
    "how_to_read": (
        "What the tables below mean: how to read this report, on the index page.",
        "Hvad tabellerne nedenfor betyder: sådan læses rapporten, på indekssiden.",
    ),
    "same_words_as": (
        "Its statements in the very same words as other organisations' or plans'",
        "Dens målsætninger med nøjagtig samme ordlyd som andre organisationers eller planers",
    ),
    "same_words_elsewhere": ("The same words elsewhere", "Samme ordlyd andetsteds"),
    "own_scores": (
        "Its score, and those of the organisations below it.",
        "Dens score og scorerne for organisationerne under den.",
    ),
    # 9. Reading
    "reading": ("How to read this report", "Sådan læses rapporten"),
    "term_top": ("Top", "Toppen"),
    "def_top": (
        "The missions and visions of the highest organisations in the hierarchy that state any: "
        "where alignment paths end.",
        "Missionerne og visionerne hos de øverste organisationer i hierarkiet, der har nogen: der, "
        "hvor sammenhængenes veje ender.",
    ),
    "term_alignment": ("Alignment", "Sammenhæng"),
    "def_alignment": (
        "A link saying that one statement supports another: stated by a source, or curated by an "
        "analyst with a strength and a rationale.",
        "En forbindelse, der siger, at én målsætning understøtter en anden: angivet i en kilde "
        "eller kurateret af en analytiker med styrke og begrundelse.",
    ),
    "term_coverage": ("Coverage", "Dækning"),
    "def_coverage": (
        "For a mission or vision, the statements that support it directly, and those that support "
        "it through others (an alignment path leads from them to it).",
        "For en mission eller vision de målsætninger, der understøtter den direkte, og dem, der "
        "understøtter den gennem andre (en vej af sammenhænge fører fra dem til den).",
    ),
    "term_gap": ("Gap (✗)", "Hul (✗)"),
    "def_gap": (
        "A mission or vision that no statement supports, directly or through others (a plan "
        "grounded in it does not count).",
        "En mission eller vision, som ingen målsætning understøtter, hverken direkte eller gennem "
        "andre (en plan med udgangspunkt i den tæller ikke).",
    ),
    "term_orphan": ("Orphan", "Forældreløs målsætning"),
    "def_orphan": (
        "A statement other than a mission or vision that supports nothing.",
        "En målsætning, bortset fra missioner og visioner, der ikke understøtter noget.",
    ),
    "term_cross": ("Link across organisations", "Forbindelse på tværs"),
    "def_cross": (
        "An alignment between statements of two organisations, or two organisations' statements in the same words.",
        "En sammenhæng mellem to organisationers målsætninger, eller to organisationers målsætninger med samme ordlyd.",
    ),
    "term_score": ("Alignment score, reach share", "Sammenhængsscore, andel der når toppen"),
    "def_score": (
        "How strongly, and how many of, an organisation's statements reach the top (see the scores section).",
        "Hvor stærkt, og hvor mange af, en organisations målsætninger når toppen (se afsnittet om scorer).",
    ),
    "term_suggestion": ("Suggestion", "Forslag"),
    "def_suggestion": (
        "A link a program proposes from shared words, for review; never counted until accepted.",
        "En forbindelse, som et program foreslår ud fra fælles ord, til gennemsyn; tæller aldrig "
        "med, før den er godkendt.",
    ),
    "term_styles": ("Upright and italic text", "Almindelig og kursiv skrift"),
    "def_styles": (
        "Upright: the source's own words, verbatim. Italic: the dataset's translation, not source "
        "text. The other language stands beside it in smaller type.",
        "Almindelig skrift: kildens egne ord, ordret. Kursiv: datasættets oversættelse, ikke "
        "kildetekst. Det andet sprog står ved siden af med mindre skrift.",
    ),
    "statement_types": ("Statement types", "Typer af målsætninger"),
    "level": ("Level", "Niveau"),
    "definition": ("Definition", "Definition"),
    "kinds_and_strengths": ("Alignment kinds and strengths", "Sammenhænges arter og styrker"),
    "term": ("Term", "Begreb"),
    "weight": ("Weight", "Vægt"),
    # 10. Provenance
    "provenance": ("Sources and provenance", "Kilder og oprindelse"),
    "sources_intro": (
        "Where the statements come from (dcterms:source), and who asserted the alignments.",
        "Hvor målsætningerne kommer fra (dcterms:source), og hvem der har angivet sammenhængene.",
    ),
    "source": ("Source", "Kilde"),
    "title": ("Title", "Titel"),
    "no_source": ("(no source given)", "(ingen kilde angivet)"),
    "kind": ("Kind", "Art"),
    "asserted_by": ("Asserted by", "Angivet af"),
    "nobody": ("(not said)", "(ikke angivet)"),
    "translated_by": (
        "The dataset is attributed to {agents}, who made the translations (italic text): they are "
        "not the sources' words.",
        "Datasættet tilskrives {agents}, der har lavet oversættelserne (kursiv tekst): de er ikke kildernes ord.",
    ),
    "translations_unattributed": (
        "Translations (italic text) are the dataset authors', not the sources' words.",
        "Oversættelser (kursiv tekst) er datasættets forfatteres, ikke kildernes ord.",
    ),
    "sources_cut": (
        "Shown: {shown} of {total} sources; goalgraph query provenance lists them all.",
        "Vist: {shown} af {total} kilder; goalgraph query provenance viser dem alle.",
    ),
    "no_alignments": ("The dataset has no alignments.", "Datasættet har ingen sammenhænge."),
    # Achievement (målrapportering): targets against results, rolled up (goalgraph.report.achievement)
    "achievement": ("Achievement: targets and results", "Målrapportering"),
    "glance_achievement": ("Targets and results", "Målrapportering"),
    "ach_none": (
        "No results (targets and actual figures) in the data: no achievement to report.",
        "Ingen resultater (mål og faktiske tal) i data: ingen målrapportering.",
    ),
    "ach_glance": (
        "{measured} targets measured: {not_met} not met, {partly} partly met, {met} met, {no_data} without data",
        "{measured} mål med indikatorer: {not_met} ikke opfyldt, {partly} delvist opfyldt, {met} opfyldt, "
        "{no_data} uden data",
    ),
    "ach_intro": (
        "Each target that indicators measure, by organisation and plan, with its indicators for {period}: "
        "the actual figure against the target, the status, and the holder's own reported verdict where there "
        "is one. Targets not met come first, then those partly met, then those met, then those without data.",
        "Hvert mål, som indikatorer måler, pr. organisation og plan, med indikatorerne for {period}: det "
        "faktiske tal over for målet, status og indehaverens egen indberettede vurdering, hvor der er en. "
        "Ikke opfyldte mål står først, så delvist opfyldte, så opfyldte og til sidst mål uden data.",
    ),
    "ach_index_intro": (
        "How many of each organisation's targets are met, partly met, not met or without data, for "
        "{period}; each organisation's page lists its targets, their indicators and trends.",
        "Hvor mange af hver organisations mål der er opfyldt, delvist opfyldt, ikke opfyldt eller uden data, "
        "for {period}; hver organisations side viser dens mål, deres indikatorer og udvikling.",
    ),
    "ach_latest": ("each indicator's latest period with data", "hver indikators seneste periode med data"),
    "ach_period": ("the period {period}", "perioden {period}"),
    "ach_rule": (
        "How it is calculated: a target is met when the actual figure is at or beyond it (at or below it "
        "where lower is better), partly met when it is missed but at or beyond the indicator's threshold, "
        "otherwise not met; a figure that is missing or in words gives no data. Where the holder has reported "
        "a verdict, that verdict is the status, and goalgraph's calculation is shown beside it. A target "
        "scores the mean of its indicators (met 1, partly met ½, not met 0); missions and visions score the "
        "weighted mean of what supports them, by the links' strengths (strong 1, moderate 0.6, weak 0.3) and "
        "the targets' weights in their plan, less what hinders them. The rule in full: the README, "
        "“Targets and results”, and goalgraph.achievement.",
        "Sådan beregnes det: et mål er opfyldt, når det faktiske tal når målet eller bedre (målet eller "
        "lavere, hvor lavere er bedre), delvist opfyldt, når målet ikke nås, men indikatorens tærskel gør, "
        "ellers ikke opfyldt; et tal, der mangler eller er ord, giver ingen data. Hvor indehaveren har "
        "indberettet en vurdering, er den status, og goalgraphs beregning står ved siden af. Et mål får "
        "gennemsnittet af sine indikatorer (opfyldt 1, delvist ½, ikke opfyldt 0); missioner og visioner får "
        "det vægtede gennemsnit af det, der understøtter dem, efter sammenhængenes styrke (stærk 1, middel "
        "0,6, svag 0,3) og målenes vægt i planen, fratrukket det, der modarbejder dem. Hele reglen: README, "
        "“Targets and results”, og goalgraph.achievement.",
    ),
    "ach_met": ("met", "opfyldt"),
    "ach_partly-met": ("partly met", "delvist opfyldt"),
    "ach_not-met": ("not met", "ikke opfyldt"),
    "ach_no-data": ("no data", "ingen data"),
    "ach_target": ("Target", "Mål"),
    "ach_indicator": ("Indicator", "Indikator"),
    "ach_period_column": ("Period", "Periode"),
    "ach_actual_target": ("Actual / target", "Faktisk / mål"),
    "ach_reported": ("Reported verdict", "Indberettet vurdering"),
    "ach_sources": ("Sources", "Kilder"),
    "ach_agrees": ("as calculated", "som beregnet"),
    "ach_calculated_as": ("calculated: {status}", "beregnet: {status}"),
    "ach_not_reported": ("not reported", "ikke indberettet"),
    "ach_by_organisation": ("Targets by status, per organisation", "Mål efter status pr. organisation"),
    "ach_trends": ("Trends", "Udvikling"),
    "ach_trends_intro": (
        "Each indicator's actual figures over the periods (solid line), and its targets (dashed), where "
        "they are figures. The axis runs from the lowest to the highest figure shown.",
        "Hver indikators faktiske tal over perioderne (fuld streg) og dens mål (stiplet), hvor de er tal. "
        "Aksen går fra det laveste til det højeste tal, der vises.",
    ),
    "ach_actual": ("actual", "faktisk"),
    "ach_target_word": ("target", "mål"),
    "ach_top": ("Missions and visions, rolled up", "Missioner og visioner, samlet op"),
    "ach_top_intro": (
        "Each mission and vision's status and score (0 to 1), rolled up through the alignments from the "
        "targets measured, and the targets that drive it: each with its share of the score (negative through "
        "a hindering link), and whether its status is reported by the holder or calculated.",
        "Hver missions og visions status og score (0 til 1), samlet op gennem sammenhængene fra de målte "
        "mål, og de mål, der bærer den: hver med sin andel af scoren (negativ gennem en modvirkende "
        "sammenhæng), og om dens status er indberettet af indehaveren eller beregnet.",
    ),
    "ach_drivers": ("Driven by", "Båret af"),
    "ach_reported_word": ("reported", "indberettet"),
    "ach_calculated_word": ("calculated", "beregnet"),
    "ach_no_drivers": ("nothing measured supports it", "intet målt understøtter den"),
    "ach_plan_none": ("Not in a plan", "Uden for en plan"),
    "ach_bars_cut": (
        "The chart shows the first {shown} of {total} organisations with targets measured, top of the "
        "hierarchy first; every organisation's targets are listed in full.",
        "Diagrammet viser de første {shown} af {total} organisationer med målte mål, øverst i hierarkiet "
        "først; alle organisationers mål er opført fuldt ud.",
    ),
}


class Words:
    """The report's words in one language, and its way of writing numbers.

    Parameters
    ----------
    lang : {"da", "en"}

    Examples
    --------
    >>> Words("da")("gap_mark"), Words("en")("and_more", count=3)
    ('✗ HUL', 'and 3 more')
    >>> Words("da").number(1032), Words("en").number(1032), Words("da").percent(0.7857)
    ('1.032', '1,032', '79 %')
    """

    def __init__(self, lang: Literal["da", "en"]) -> None:
        self.lang = lang
        self._index = 1 if lang == "da" else 0

    def __call__(self, key: str, **values: object) -> str:
        """The words for `key`, with `values` filled in."""
        template = _WORDS[key][self._index]
        return template.format(**values) if values else template

    def number(self, value: int) -> str:
        """A whole number with the language's thousands separator."""
        text = f"{value:,}"
        return text.replace(",", ".") if self.lang == "da" else text

    def decimal(self, value: float, places: int = 2) -> str:
        """A decimal number with the language's decimal mark."""
        text = f"{value:.{places}f}"
        return text.replace(".", ",") if self.lang == "da" else text

    def percent(self, share: float) -> str:
        """A share between 0 and 1 as a whole percentage (Danish puts a space before %)."""
        return f"{round(share * 100)} %" if self.lang == "da" else f"{round(share * 100)}%"
