"""Merged-word rules: the seed's merged words found and repaired, nothing else split.

Also: zero findings on clean English news (26 texts written for this test, below, and the
clean articles of ../shared/corpus/dev), every protected word and place name left alone, and
the repairs stable (fixing twice gives the same text as fixing once).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fixer.document import Document
from fixer.engine import Config, Fixer
from fixer.model import Safety

SHARED = Path(__file__).resolve().parents[2] / "shared"
SEED = SHARED / "seed" / "aes-one-year-later.txt"
DEV = SHARED / "corpus" / "dev"
FIXER = Fixer(Config(select=("merged-word",)))

# Clean English news written for this test (no text copied from a site), packed with what a
# merged-word rule must leave alone: brands and names that change case, acronyms with
# lower-case letters, URLs, e-mail addresses, hashtags, code, CO2, ordinals, French names and
# loanwords, brackets inside words and quotes set the English way.
CLEAN_NEWS: tuple[str, ...] = (
    # 1 tech
    """Apple unveils new iPhone as sales slow in China

CUPERTINO, Calif. (AP) — Apple on Tuesday unveiled the iPhone 16 and an updated iPad, betting
that new AI features will revive demand. The company's iOS 18 update, which also reaches
macOS and watchOS, adds a redesigned Photos app. "We think customers will love it," Tim Cook
told The Associated Press. Shares rose 1.2% on the Nasdaq.""",
    # 2 business
    """McDonald's and PayPal report earnings

McDonald's said same-store sales fell 0.7% in the second quarter, its first decline since
2020, while PayPal beat forecasts. Analysts at JPMorgan and McKinsey said consumers were
trading down. PayPal's chief executive said the company would expand Venmo and its
partnership with eBay. The results were posted on https://investor.example.com/Q2Results.""",
    # 3 Sahel security
    """Jihadist attack kills dozens in central Burkina Faso

OUAGADOUGOU — At least 100 people were killed in an attack on Barsalogho, in the
Centre-Nord region of Burkina Faso, according to local sources. The Group for the Support of
Islam and Muslims (JNIM), affiliated with al-Qaeda, claimed responsibility. Nevertheless, the
junta led by Captain Ibrahim Traoré said its forces had "neutralised" the attackers. Mali's
Assimi Goïta and Niger's Abdourahamane Tiani expressed solidarity.""",
    # 4 climate / chemistry
    """Emissions rose again last year

Global CO2 emissions from fossil fuels reached a record 37.4 billion tonnes, the
International Energy Agency (IEA) said. Concentrations of CH4 and N2O also rose. "We are
not on track," said Fatih Birol, who heads the IEA. The report, the agency's 21st annual
outlook, urges a tripling of renewables by 2030 and notes that pH levels in the oceans keep
falling.""",
    # 5 health
    """New mRNA vaccine trial begins

Moderna and BioNTech have started a late-stage trial of an mRNA flu vaccine, the companies
said on Monday. Dr. Anne Dupont, who holds a PhD in immunology from McGill University, said
the results could come within a year. The trial will enrol 20,000 adults in the U.S., Canada
and the U.K. Those interested can write to trials@example.org.""",
    # 6 sport
    """LeBron James leads Lakers past Celtics

LOS ANGELES — LeBron James scored 32 points and Anthony Davis added 25 as the Lakers beat the
Boston Celtics 118-110 on Sunday. It was the Lakers' 21st win of the season. "We just kept
going," James said. Jayson Tatum had 30 for Boston, which has lost three of its last four.
Fans celebrated on social media with #LakeShow and #GoLakers.""",
    # 7 politics US
    """DeSantis signs budget

TALLAHASSEE, Fla. — Gov. Ron DeSantis signed a $117 billion budget on Wednesday, vetoing
nearly $1 billion in projects. Democrats said the vetoes hurt schools. The governor's
office posted the list on its website. State Sen. Lauren Book called the cuts "short-sighted"
in a post on LinkedIn, while others reacted on X, formerly known as Twitter.""",
    # 8 France
    """French parliament debates pension reform

PARIS — France's National Assembly resumed its debate on the pension reform on Monday, with
opposition parties vowing to block it. Prime Minister Michel Barnier, who took office in
September, said the government would not back down. In Lyon, Marseille and Toulouse, unions
staged strikes. The Constitutional Council will rule on the text's conformity, as it did in
2023.""",
    # 9 Quebec
    """Quebec tables bill on French language

QUEBEC CITY — The Coalition Avenir Québec (CAQ) government tabled a bill on Thursday to
strengthen the Charter of the French Language. Minister Simon Jolin-Barrette said French was
declining in Montreal and Laval. Liberal critic Hélène David called the bill "excessive."
The Parti Québécois said it did not go far enough.""",
    # 10 West Africa economy
    """ECOWAS leaders meet in Abuja

ABUJA — Leaders of the Economic Community of West African States (ECOWAS) met on Sunday to
discuss the withdrawal of Mali, Burkina Faso and Niger. The three countries, which formed the
Alliance of Sahel States (AES), say the bloc serves foreign interests. Prices in the region
are quoted in FCFA; the CFA franc is pegged to the euro. Côte d'Ivoire and Senegal urged
dialogue.""",
    # 11 tech / code
    """Developers warn of JavaScript supply-chain attack

A malicious package uploaded to npm injected code into sites that call
`document.getElementById` on load, researchers at GitHub said. The attack targeted
developers who use TypeScript and React. "Pin your dependencies," said a security engineer at
CrowdStrike. Users of Node.js 18 and 20 should update; ASP.NET sites are not affected.""",
    # 12 media
    """YouTube to expand Shorts monetisation

YouTube will share more advertising revenue with creators of Shorts, its TikTok rival, the
company said. The move follows similar changes at Meta's Instagram and Facebook. YouTubers
with more than 1,000 subscribers will qualify. A spokesperson said details were available
at support.google.com.""",
    # 13 crime / possessives
    """Man charged after downtown shooting

A 24-year-old man was charged with attempted murder after a shooting outside a bar on
Saturday, police said. The victim's injuries were not life-threatening. Police didn't
release the suspect's name. Anyone with information is asked to call Crime Stoppers at
1-800-222-8477 or e-mail tips@police.example.ca.""",
    # 14 brackets and quotes
    """Court rules on (re)zoning dispute

A judge ruled that the city's (re)zoning of the waterfront was lawful. The plaintiff(s) had
argued that the council ignored its own rules [sic]. "The council acted within its powers,"
the ruling said (page 12). The decision can be appealed within 30 days.""",
    # 15 Africa politics
    """Senegal's president names new cabinet

DAKAR — Senegal's President Bassirou Diomaye Faye named a 30-member cabinet on Friday, with
Ousmane Sonko as prime minister. The new team includes four women. Faye, who was freed from
prison days before the March election, has promised to renegotiate oil and gas contracts
with TotalEnergies and BP. Neighbouring Mauritania and Guinea-Bissau welcomed the move.""",
    # 16 science
    """Astronomers find water on distant exoplanet

Astronomers using the James Webb Space Telescope (JWST) have detected water vapour in the
atmosphere of an exoplanet 97 light-years away. The planet, GJ 9827d, is about twice the size
of Earth. "It's a steam world," said Dr. Björn Benneke of the Université de Montréal. The
findings were published in The Astrophysical Journal Letters.""",
    # 17 markets
    """Oil prices climb on Middle East tensions

Brent crude rose 2% to $81 a barrel on Monday, while WTI gained 1.8%. ExxonMobil and Chevron
shares rose in early trading. BlackRock, the world's largest asset manager, said it remained
cautious. The dollar was flat against the euro; bitcoin traded at $64,000 on Coinbase.""",
    # 18 culture
    """Louvre reopens wing after renovation

The Louvre in Paris reopened its Egyptian wing on Wednesday after a two-year renovation. The
museum, which received 8.9 million visitors last year, said the work cost €20 million.
Visitors can book tickets at www.louvre.fr. The director said the museum had learned from
the déjà vu of past overcrowding.""",
    # 19 Maghreb
    """Morocco and Algeria trade accusations

RABAT — Morocco accused Algeria of backing the Polisario Front after an attack near Smara,
in Western Sahara. Algiers denied any role. The United Nations mission, MINURSO, said it was
investigating. Talks in Geneva, led by Staffan de Mistura, have stalled since 2019.""",
    # 20 transport
    """Airlines cancel flights as strike spreads

Air France, easyJet and Ryanair cancelled hundreds of flights on Thursday as air traffic
controllers went on strike. Travellers at Charles de Gaulle and Orly airports faced long
queues. The DGAC, France's civil aviation authority, asked airlines to cut their schedules
by a third. Eurostar trains ran normally.""",
    # 21 Canada
    """Ottawa announces housing plan

OTTAWA — The federal government announced a C$6 billion fund to help cities build housing.
Housing Minister Sean Fraser said the money would go to water and sewer projects in Ontario,
British Columbia and Nova Scotia. Toronto's mayor, Olivia Chow, welcomed the plan but said
it was "not enough." The Conservatives called it a photo-op.""",
    # 22 lone letters and units
    """Engineers test new battery

Engineers at the University of Toronto tested a battery that charges in 5 s and stores
40 kWh. The cells use lithium iron phosphate (LiFePO4). The letter s in the model name
stands for "solid"; the plan B design uses a sodium cathode. The team's results appear in
Nature Energy.""",
    # 23 Sahel analysis
    """Analysis: Mali's junta tightens its grip

BAMAKO — Three years after the coup d'état, Mali's military rulers have postponed elections
indefinitely. The junta's leader, Col. Assimi Goïta, has deepened ties with Russia's Africa
Corps, formerly Wagner. In Kidal, Gao and Tombouctou, fighting with the CSP-DPA rebels
continues. "People are tired," a resident of Sévaré said by phone.""",
    # 24 hashtags and handles
    """Campaign goes viral

A campaign urging young people to vote went viral this week, with the hashtags #VoteReady
and #MeToo trending on X. The organisers, @VoteReadyNow, said 50,000 people had signed up
through GoFundMe and WhatsApp groups. Critics said the campaign's messages were misleading.""",
    # 25 possessive its, words that look like lost contractions, French quoted
    """Company defends its record

The company defended its record on Monday, saying its own audit found no wrongdoing and that
its time in the market had been profitable. "We wont be deterred by the cant of our critics,"
the chief executive said, before adding: "Lets be clear." A French regulator wrote that the
firm, "dont le siège est à Paris", had complied. Its shares fell 3%; its very survival was
not in doubt, analysts at BNP Paribas said.""",
    # 26 numbers, units and names with digits
    """G7 leaders meet as COVID-19 funds run dry

Leaders of the G7 met in Apulia on 13 June, three days after the EU elections. The 2024/25
budget includes funds for 3M masks, F1-style logistics and 5G networks, officials said. In the
1990s the group was the G8. Boeing 737 MAX deliveries and the A320neo were also discussed, as
was the 7-Eleven chain's expansion in Japan.""",
)


def merged(text: str) -> list:
    return FIXER.check(text)


@pytest.mark.parametrize("index", range(len(CLEAN_NEWS)))
def test_clean_news_has_no_merged_word(index: int) -> None:
    text = CLEAN_NEWS[index]
    found = merged(text)
    assert not found, [(f.rule, text[f.start : f.end]) for f in found]


def test_enough_clean_news() -> None:
    assert len(CLEAN_NEWS) >= 20


# --------------------------------------------------------------------------- the seed

SEED_SAFE = {
    "theAlliance": "the Alliance",
    "AES)This": "AES). This",
    "JulyAccording": "July. According",
    "data)which": "data) which",
    "AcledOn": "Acled. On",
    "Mali]is": "Mali] is",
    "theMalian": "the Malian",
}
SEED_UNSAFE = {
    "loccasion": "l’occasion",
    "lattaque": "l’attaque",
    "Barsaloghoin": "Barsalogho in",
    "dAfrica": "d’Africa",
    "theOuest": "the Ouest",
    "readDouble": "read Double",
}


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.is_file():
        pytest.skip("../shared is not present")
    return SEED.read_text(encoding="utf-8")


def test_seed_finds_every_merged_word_and_nothing_else(seed_text: str) -> None:
    found = {seed_text[f.start : f.end]: f for f in merged(seed_text)}
    assert set(found) == set(SEED_SAFE) | set(SEED_UNSAFE)
    for token, want in {**SEED_SAFE, **SEED_UNSAFE}.items():
        f = found[token]
        assert f.fix is not None
        safety = "safe" if token in SEED_SAFE else "unsafe"
        assert f.fix.safety.value == safety, token
        edit = f.fix.edits[0]
        rel = edit.start - f.start
        got = token[:rel] + edit.replacement + token[edit.end - f.start :]
        assert got == want


def test_seed_safe_fix_changes_only_the_merged_words(seed_text: str) -> None:
    result = FIXER.fix(seed_text)
    fixed = result.text
    for want in SEED_SAFE.values():
        assert want in fixed
    # only insertions of a space or ". " at the merged words: the rest is byte for byte the same
    assert fixed.replace(". ", "").replace(" ", "") == seed_text.replace(". ", "").replace(" ", "")
    assert len(fixed) - len(seed_text) == sum(len(v) - len(k) for k, v in SEED_SAFE.items())
    assert FIXER.fix(fixed).text == fixed


def test_seed_unsafe_fixes_apply_with_unsafe(seed_text: str) -> None:
    fixed = FIXER.fix(seed_text, unsafe=True).text
    for want in SEED_UNSAFE.values():
        assert want in fixed
    assert not [f for f in merged(fixed) if f.fix is not None]


# --------------------------------------------------------------------------- the dev corpus


def dev_files(lo: int, hi: int) -> list[Path]:
    if not DEV.is_dir():
        pytest.skip("../shared is not present")
    return [DEV / f"dev-{n:02d}.txt" for n in range(lo, hi + 1)]


def test_clean_dev_articles_have_no_merged_word() -> None:
    for path in dev_files(21, 28):
        text = path.read_text(encoding="utf-8")
        found = merged(text)
        assert not found, (path.name, [text[f.start : f.end] for f in found])


def test_garbled_dev_findings_all_overlap_gold() -> None:
    for path in dev_files(1, 20):
        text = path.read_text(encoding="utf-8")
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        spans = []
        for art in gold["artifacts"]:
            at = -1
            for _ in range(art.get("nth", 1)):
                at = text.find(art["find"], at + 1)
            spans.append((at, at + len(art["find"])))
        for f in merged(text):
            assert any(s < f.end and f.start < e for s, e in spans), (path.name, text[f.start : f.end])


# --------------------------------------------------------------------------- guards


def lexicon_items(name: str) -> list[str]:
    path = Path(__file__).resolve().parents[1] / "rules" / "lexicon" / name
    items = []
    for raw in path.read_text(encoding="utf-8").splitlines():
        item = raw.split(" #", 1)[0].strip()
        if item and not item.startswith("#"):
            items.append(item)
    return items


@pytest.mark.parametrize("name", ["protected.txt", "places.txt"])
def test_protected_words_and_places_are_never_split(name: str) -> None:
    bad = []
    for word in lexicon_items(name):
        for text in (
            f"Officials said {word} would answer. The {word} case was closed.",
            f"Yesterday {word}'s plan (and {word}s) drew praise in the region.",
        ):
            found = merged(text)
            if found:
                bad.append((word, [text[f.start : f.end] for f in found]))
    assert not bad


def test_lost_apostrophe_uses_the_articles_apostrophe() -> None:
    curly = "The minister’s aide said the army s announcement was late."
    straight = "The minister's aide said the army s announcement was late."
    assert "army’s" in FIXER.fix(curly).text
    assert "army's" in FIXER.fix(straight).text


def test_title_after_said_is_only_proposed() -> None:
    found = merged("The mayor toldThe Associated Press that the plan would go ahead.")
    assert len(found) == 1 and found[0].fix is not None
    assert found[0].fix.safety.value == "unsafe"


def test_repeated_camel_case_is_a_name() -> None:
    text = "NextOn said profits rose. Later NextOn said it would hire."
    assert merged(text) == []
    assert len(merged("NextOn said profits rose.")) == 1
    # a glue after a function word is no brand, even when the scraper repeats it
    assert len(merged("Members of theAlliance met; theAlliance agreed.")) == 2


def test_document_cache_is_shared_between_rules() -> None:
    doc = FIXER.document("theAlliance met.")
    FIXER.check_document(doc)
    assert "merged_words" in doc.cache
    assert isinstance(doc, Document)


COMMON = [
    "the", "government", "said", "on", "Tuesday", "that", "their", "forces", "had", "repelled",
    "an", "attack", "near", "the", "border", "with", "Niger", "and", "that", "several",
    "soldiers", "were", "wounded", "during", "clashes", "in", "northern", "Mali", "officials",
    "added", "McDonald's", "iPhone", "PayPal", "Ouagadougou", "Barsalogho", "nevertheless",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(COMMON), min_size=3, max_size=40), st.sampled_from([". ", ", ", " (", ") ", " "]))
def test_well_spaced_text_is_left_alone(words: list[str], sep: str) -> None:
    text = " ".join(words[: len(words) // 2]) + sep + " ".join(words[len(words) // 2 :]) + "."
    if text.count("(") != text.count(")"):
        text = text.replace("(", "").replace(")", "")
    assert merged(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "The Indomitable Lions won. #IndomitableLions #theAlliance #JulyAccording",
        "Follow @theAlliance and @AcledOn for updates.",
        "See www.theAlliance.org or https://example.org/JulyAccording/data)which today.",
        "Write to theAlliance@example.org or JulyAccording@example.org.",
        "Download theAlliance.pdf and JulyAccording.docx.html now.",
        "Run `theAlliance(AES)This` in a shell.",
    ],
)
def test_links_hashtags_addresses_and_code_are_left_alone(text: str) -> None:
    assert merged(text) == []


def test_the_same_glue_in_prose_is_found() -> None:
    text = "The Indomitable Lions won. IndomitableLions fans cheered theAlliance last JulyAccording to AFP."
    assert [text[f.start : f.end] for f in merged(text)] == ["IndomitableLions", "theAlliance", "JulyAccording"]


# Legitimate words that segmenters split (wordninja: Barsalogho → Bars a log ho): names of
# the region, brands, long English compounds, French words English keeps. None may be touched.
LEGIT_WORDS = (
    "Barsalogho Ouagadougou Bankass Goïta Traoré Tiani Abdourahamane Faladié Mouhoun Niamey "
    "Tillabéri Ménaka Kidal Tombouctou Djibo Sévaré Ouattara Gbagbo Tshisekedi Kagame Tinubu "
    "Sonko Diomaye Bazoum Tchiani Doumbouya Gnassingbé Déby Mahamat Touadéra Biya Ndiaye "
    "Diallo Coulibaly Keïta Konaté Sangaré Diarra Sidibé Cissé Koné Ouédraogo Zongo Sawadogo "
    "Kaboré Compaoré Sankara Yamoussoukro Bouaké Abidjan Lomé Cotonou Conakry Nouakchott Dakar "
    "Ziguinchor Kaolack Thiès Bobo-Dioulasso Koudougou Ouahigouya Dori Arbinda Solhan Seytenga "
    "nevertheless notwithstanding nonetheless whereabouts breakthrough counterterrorism "
    "peacekeeping policymakers stakeholders groundbreaking underestimated overwhelmingly "
    "intergovernmental counterinsurgency paramilitary ceasefire lawmakers whistleblower "
    "TotalEnergies ArcelorMittal YouTube LinkedIn WhatsApp PayPal iPhone eBay McDonald "
    "OpenAI DeepL BlackRock JPMorgan GlaxoSmithKline PricewaterhouseCoopers HarperCollins "
    "Jolin-Barrette Pécresse Mélenchon Bardella Villepin Attal Borne Barnier Legault "
    "Longueuil Boisbriand Trois-Rivières Saguenay Rimouski Gatineau Sherbrooke Terrebonne "
    "aujourd'hui coup d'état raison d'être déjà vu laïcité banlieue quinquennat francophonie"
).split()


def test_legit_words_are_never_split() -> None:
    assert len(LEGIT_WORDS) >= 104
    bad = {}
    for word in LEGIT_WORDS:
        for text in (f"{word} said it. Later, {word} and others met.", f"The report on {word}, published today."):
            found = merged(text)
            if found:
                bad[word] = [text[f.start : f.end] for f in found]
    assert not bad


@pytest.mark.parametrize("text", ["Cest la vie, quilſ partent.", "I isnt sure. You iſnt right.", "Doeſnt it?"])
def test_case_folded_matches_outside_the_lists_are_left_alone(text: str) -> None:
    """Case-insensitive patterns fold `ſ` to `s`; such a match is not a listed form and once
    made the rule fail with a KeyError."""
    from fixer import check_text

    found = [f for f in check_text(text) if f.rule in ("merged-word.elision", "merged-word.lost-apostrophe")]
    assert all("ſ" not in text[f.start : f.end] for f in found)


@pytest.mark.parametrize("token", ["myTaxi", "YourStory", "ourWorld"])
def test_possessive_brand_prefix_is_never_split_safely(token: str) -> None:
    """Brands open with my/your/our; a safe split there would damage a correct name."""
    text = f"She booked the trip through {token} on Monday, after the strike had ended.\n"
    found = [f for f in FIXER.check(text) if f.fix is not None]
    assert all(f.fix.safety is not Safety.SAFE for f in found)
    assert FIXER.fix(text).text == text


def test_punctuation_tables_from_the_disk_cache_are_the_built_ones() -> None:
    from fixer.detectors import merged_words as mw

    assert (mw.PUNCT_AT, mw.PUNCT_BEFORE, mw.PUNCT_AFTER) == tuple(mw._punct_table(k) for k in range(3))


@pytest.mark.parametrize("text, run, fixed", [
    ("The deficit should fall to 5.1% of GDPfor the first time in four years.", "GDPfor", "GDP for"),
])
def test_a_known_acronym_glued_to_a_word_needs_no_lone_mention(text: str, run: str, fixed: str) -> None:
    found = [f for f in FIXER.check(text) if f.rule == "merged-word.name-word"]
    assert [text[f.start:f.end] for f in found] == [run]
    assert FIXER.fix(text).text == text.replace(run, fixed)


def test_an_unknown_capital_run_glued_to_a_word_still_needs_a_lone_mention() -> None:
    assert [f for f in FIXER.check("The QXZfor plan was dropped.") if f.rule == "merged-word.name-word"] == []


def test_an_elision_before_an_acronym_the_glossary_knows() -> None:
    text = "Senegal borrowed on the regional market of lUEMOA, where rates rose."
    assert [text[f.start:f.end] for f in FIXER.check(text) if f.rule == "merged-word.elision"] == ["lUEMOA"]
    assert [f for f in FIXER.check("The LQXZV said no.") if f.rule == "merged-word.elision"] == []


@pytest.mark.parametrize("text, fixed", [
    ("The plant closed in 2015.The workers left.", "The plant closed in 2015. The workers left."),
    ("The festival was founded in 1998.Tunis hosted it.", "The festival was founded in 1998. Tunis hosted it."),
])
def test_a_space_lost_after_a_year_that_ends_a_sentence(text: str, fixed: str) -> None:
    assert FIXER.fix(text).text == fixed


@pytest.mark.parametrize("text", ["Version 1.2015.Beta shipped.", "The score was 12.5.Then it rose.", "See 42.The end."])
def test_numbers_before_a_stop_that_are_no_year_stay(text: str) -> None:
    assert [f for f in FIXER.check(text) if f.rule == "merged-word.punct-join"] == []
