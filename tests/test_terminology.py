"""Terminology, inconsistency and mistranslation rules, measured as the issue asks.

The mangled and look-alike names below were written for this test (swapped words, literal
translations, dropped apostrophes, French leftovers); none is in the glossary as written.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from fixer.data import DataStore
from fixer.detectors.terminology import recognise
from fixer.engine import Config, Fixer
from fixer.glossary import form_key, load_glossary

SHARED = Path(__file__).resolve().parents[2] / "shared"
RULES = ("terminology", "inconsistency", "mistranslation")
FIXER = Fixer(Config(select=RULES))
G = load_glossary(DataStore())
RULE = next(r for r in FIXER.rules if r.id == "terminology.mangled-name")
THRESHOLD = float(RULE.params["threshold"])
RATIO = float(RULE.params["token_ratio"])

MANGLED = [
 ("Economic Community of States of Africa of the West", "ecowas"),
 ("Community Economic of the West African States", "ecowas"),
 ("Economic Community of the States dAfrique of the Ouest", "ecowas"),
 ("Union African", "au"),
 ("Organization of Nations United", "un"),
 ("Fund Monetary International", "imf"),
 ("Court Penal International", "icc"),
 ("Alliance of the States of Sahel", "aes"),
 ("Group of Support for Islam and the Muslims", "jnim"),
 ("Islamic State in the Great Sahara", "isgs"),
 ("Al-Qaida of the Islamic Maghreb", "aqim"),
 ("Strategic Framework for the Defence of the Azawad People", "csp-dpa"),
 ("National Movement of Liberation of Azawad", "mnla"),
 ("Front of the Liberation of Azawad", "fla"),
 ("Economic Community of the States of Central Africa", "eccas"),
 ("Union Economic and Monetary West African", "waemu"),
 ("Organization of the North Atlantic Treaty", "nato"),
 ("Union Europeenne", "eu"),
 ("Parliament of Europe", "european-parliament"),
 ("World Organisation of the Health", "who"),
 ("Programme Food World", "wfp"),
 ("High Commissariat of the United Nations for Refugees", "unhcr"),
 ("Doctors Without Frontier", "msf"),
 ("International Comittee of Red Cross", "icrc"),
 ("Reporters Without Frontier", "rsf"),
 ("National Council of Safeguard of the Homeland", "cnsp-niger"),
 ("Movement Patriotic for the Safeguard and the Restoration", "mpsr"),
 ("Volunteers for the Homeland Defense", "vdp"),
 ("Avenir Coalition Quebec", "caq"),
 ("Front Patriotic for Liberation", "fpl-niger"),
 ("International Organisation for Migrations", "iom"),
 ("International Court of the Justice", "icj"),
 ("Bank Central of Europe", "ecb"),
 # French sentence case carried over word by word
 ("National movement for the liberation of Azawad", "mnla"),
 ("World food Programme", "wfp"),
 ("National council for the safeguard of the Homeland", "cnsp-niger"),
]
LOOK = [
 ("Economic Community of Central African States", "ecowas", "eccas"),
 ("West African Economic and Monetary Union", "ecowas", "waemu"),
 ("Central Bank of West African States", "ecowas", "bceao"),
 ("Bank of Central African States", "eccas", "beac"),
 ("West African Development Bank", "afdb", None),
 ("African Development Fund", "afdb", None),
 ("Economic Community of the Great Lakes Countries", "ecowas", None),
 ("East African Community", "ecowas", "eac"),
 ("Southern African Development Community", "afdb", "sadc"),
 ("European Central Bank", "beac", "ecb"),
 ("European Investment Bank", "ecb", "eib"),
 ("International Court of Justice", "icc", "icj"),
 ("International Criminal Police Organization", "icc", "interpol"),
 ("International Labour Organization", "iom", "ilo"),
 ("International Maritime Organization", "iom", None),
 ("World Trade Organization", "who", "wto"),
 ("World Meteorological Organization", "who", "wmo"),
 ("World Intellectual Property Organization", "wto", "wipo"),
 ("African Union Commission", "au", "au-commission"),
 ("European Commission", "european-council", "european-commission"),
 ("Council of Europe", "european-council", "council-of-europe"),
 ("National Movement for the Liberation of Azawad", "fla", "mnla"),
 ("Islamic State West Africa Province", "isgs", "iswap"),
 ("Islamic State in Iraq and Syria", "isgs", "islamic-state"),
 ("Al-Qaeda in the Arabian Peninsula", "aqim", None),
 ("Patriotic Front for Justice", "fpl-niger", "fpj-niger"),
 ("National Committee for the Salvation of the People", "cnsp-niger", "cnsp-mali"),
 ("United Nations Development Programme", "wfp", "undp"),
 ("International Rescue Committee", "icrc", "irc"),
 ("Committee to Protect Journalists", "rsf", "cpj"),
 ("Human Rights Council", "hrw", "unhrc"),
 ("Economic Community of West African States", "eccas", "ecowas"),
 ("Arab Maghreb Union", "aqim", "uma"),
]


def test_mangled_forms_are_not_glossary_entries() -> None:
    accepted = {f for e in G.entities for f in e.accepted}
    for text, _want in MANGLED:
        assert text not in accepted, text
        for e in G.entities:
            assert form_key(text) not in {form_key(m) for m in e.mangled}, text


def test_mangled_names_are_recognised() -> None:
    assert len(MANGLED) >= 30
    hits = [text for text, want in MANGLED if any(m.form.entity.id == want for m in recognise(G, text, THRESHOLD, RATIO))]
    missed = sorted({t for t, _ in MANGLED} - set(hits))
    assert len(hits) >= 27, missed


def test_look_alike_names_are_not_confused() -> None:
    assert len(LOOK) >= 30
    confused = []
    for text, wrong, want in LOOK:
        ids = [m.form.entity.id for m in recognise(G, text, THRESHOLD, RATIO)]
        if wrong in ids or (want is None and ids) or (want is not None and ids and want not in ids):
            confused.append((text, ids))
    assert confused == []


def test_a_correct_name_is_never_flagged() -> None:
    for text, _wrong, want in LOOK:
        if want is None:
            continue
        sentence = f"In Mali and the Sahel, the {text} met on Monday."
        assert [f for f in FIXER.check(sentence) if f.rule == "terminology.mangled-name"] == [], text


def _fix(text: str) -> str:
    return FIXER.fix(text, unsafe=True).text


def test_number_calques() -> None:
    assert _fix("signed by eighty – ten deputies") == "signed by ninety deputies"
    assert _fix("sixty-nineteen people") == "seventy-nine people"
    assert _fix("four-twenty-one soldiers") == "eighty-one soldiers"
    assert _fix("four-twenty soldiers") == "eighty soldiers"
    assert FIXER.check("We met at four-twenty and sixty people came.") == []


def test_demonym_follows_the_sentence_then_the_article() -> None:
    niger = "Niger's junta in Niamey. Tiani spoke in Niamey. "
    assert _fix(niger + "A Nigerian rebel group attacked.") == niger + "A Nigerien rebel group attacked."
    # the sentence names Nigeria: trust the word
    keep = niger + "The Nigerian president Bola Tinubu flew from Abuja."
    assert [f for f in FIXER.check(keep) if f.rule == "mistranslation.demonym"] == []
    # an article that writes Nigerien itself only changes words its sentence ties to Niger
    both = "Nigerien officials met in Niamey. Niger and Niamey again. Nigerian traders came."
    assert [f for f in FIXER.check(both) if f.rule == "mistranslation.demonym"] == []


def test_acronym_permutation_keeps_the_defined_form() -> None:
    text = "The Alliance of Sahel States (AES) met in Bamako. The ESA says so. The AES again."
    assert _fix(text) == "The Alliance of Sahel States (AES) met in Bamako. The AES says so. The AES again."


def _gold_spans(text: str, gold: dict) -> list[tuple[int, int, dict]]:
    out = []
    for a in gold["artifacts"]:
        pos = -1
        for _ in range(a.get("nth", 1)):
            pos = text.find(a["find"], pos + 1)
        if pos >= 0:
            out.append((pos, pos + len(a["find"]), a))
    return out


SEED_REPAIRS = [
    # (span in the seed, nth, replacement the finding must propose) from ../shared/seed/ARTIFACTS.md
    ("Jnim or GSIM", 1, "JNIM"),
    ("Alliance of States du Sahel", 1, "Alliance of Sahel States"),
    ("Economic Community of States dAfrica of theOuest (Chelpto the)", 1, "Economic Community of West African States (ECOWAS)"),
    ("Armed conflict location and event data", 1, "Armed Conflict Location and Event Data"),
    ("ESA", 1, "AES"),
    ("ESA", 2, "AES"),
    ("CSP-PDA", 1, "CSP-DPA"),
    ("CSP-PDA", 2, "CSP-DPA"),
    ("Nigerian", 1, "Nigerien"),
]


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared is absent")
def test_seed_left_handed_is_pointed_at() -> None:
    text = (SHARED / "seed" / "aes-one-year-later.txt").read_text(encoding="utf-8")
    pos = text.find("Left-handed")
    assert any(f.rule == "mistranslation.translated-name" and (f.start, f.end) == (pos, pos + 11) for f in FIXER.check(text))


@pytest.mark.skipif(not (SHARED / "seed").is_dir(), reason="../shared is absent")
@pytest.mark.parametrize(("span", "nth", "repair"), SEED_REPAIRS)
def test_seed_artifacts_found_with_their_repair(span: str, nth: int, repair: str) -> None:
    text = (SHARED / "seed" / "aes-one-year-later.txt").read_text(encoding="utf-8")
    pos = -1
    for _ in range(nth):
        pos = text.find(span, pos + 1)
    assert pos >= 0
    findings = FIXER.check(text)
    proposed = {
        (e.start, e.end, e.replacement)
        for f in findings if f.fix is not None for e in f.fix.edits
    }
    assert (pos, pos + len(span), repair) in proposed


@pytest.mark.skipif(not (SHARED / "corpus" / "dev").is_dir(), reason="../shared is absent")
def test_no_false_findings_on_the_clean_dev_articles() -> None:
    false = []
    for n in range(21, 29):
        path = SHARED / "corpus" / "dev" / f"dev-{n}.txt"
        text = path.read_text(encoding="utf-8")
        gold = json.loads(path.with_suffix(".gold.json").read_text(encoding="utf-8"))
        spans = _gold_spans(text, gold)
        for f in FIXER.check(text):
            if not any(f.start < e and s < f.end for s, e, _ in spans):
                false.append((path.name, f.rule, text[f.start:f.end]))
    assert false == []


# Written for this test in the style of agency copy about the Sahel, Quebec and France: every
# glossary rule must stay silent on it (look-alikes: ESA the space agency, CPI the price index,
# 500 BCE, a CIO, "We can do it", Marine and Marion, Guinea and Guinean).
CLEAN = """NIAMEY, March 3 (Reuters) - Niger's military government said on Monday it would quit the Economic Community of West African States, joining Mali and Burkina Faso, whose juntas formed the Alliance of Sahel States last year.

The bloc, known as ECOWAS, imposed sanctions on Niger after the July 2023 coup that toppled President Mohamed Bazoum. General Abdourahamane Tchiani, who leads the junta, accused the bloc of acting under French influence.

Nigerian President Bola Tinubu, who chairs ECOWAS, said in Abuja the door remained open. Nigeria shares a 1,500-km border with Niger, and Nigerian traders in Kano have suffered from the border closure.

Jihadist groups linked to al Qaeda and Islamic State have killed thousands across the Sahel, according to the Armed Conflict Location & Event Data Project (ACLED). The Group to Support Islam and Muslims, known by its Arabic acronym JNIM, claimed an attack near Djibo.

The European Union and the United Nations have both expressed concern. The UN peacekeeping mission MINUSMA left Mali in December. The African Union suspended all three countries. The European Space Agency has nothing to do with this; ESA launched a satellite in French Guiana on Tuesday.

Ivory Coast won the Africa Cup of Nations on home soil. The Elephants beat Nigeria's Super Eagles 2-1 in Abidjan. Coach Emerse Fae said "We can do it" before the match.

In Quebec, Premier Francois Legault of the Coalition Avenir Quebec (CAQ) met Hydro-Quebec executives. The Parti Quebecois and Quebec solidaire criticised the plan. Montreal police said two people were hurt.

France's Constitutional Council approved the pension law. Prime Minister Elisabeth Borne used article 49.3. The National Rally and La France Insoumise tabled motions of censure; ninety deputies signed one. Marine Le Pen and her niece Marion Marechal spoke. Sixty or seventy protesters gathered at four twenty.

The World Food Programme said 3 million people face hunger. Doctors Without Borders (MSF) runs clinics in Menaka. Human Rights Watch accused soldiers and Wagner mercenaries of killing civilians. Amnesty International agreed. The IMF approved a loan; the World Bank paused payments. The ICC prosecutor in The Hague opened a case. Inflation as measured by the CPI rose. In 500 BCE, nothing happened. The CIO of the company resigned.

Chad's President Mahamat Idriss Deby appointed Succes Masra prime minister. Masra leads Les Transformateurs. Senegal's President Bassirou Diomaye Faye and Prime Minister Ousmane Sonko met in Dakar. Guinea's Mamadi Doumbouya and Equatorial Guinea's Teodoro Obiang met; the Equatorial Guinean delegation and Guinean ministers agreed.
"""

# The same kind of copy as a machine translation leaves it.
GARBLED = """The Nigerian junta, led by General Abdourahamane Tiani in Niamey, announced its withdrawal from the CEDEAO on Sunday. The Economic Community of States of Africa of the West had imposed sanctions. The Organization of the United Nations (ONU) and the Union africaine called for dialogue.

According to the Acled, the fighters of the Islamic State in the Big Sahara (EIGS) killed sixty-fifteen civilians in the region of Tillabéri. The EIGS and the GSIM fight each other. The Islamic State in the Greater Sahara (ISGS) also attacked the FDS.

The FMI granted a loan of 100 million. The Union Europeenne suspended its aid, and the Council of Security of the UN met. The Front of Liberation of Azawad (FLA) and the CMA took Kidal. The AQMI claimed an attack.

The ECOWAS said that the Alliance of the States of Sahel (AES) is illegal. The ASE leaders met on Saturday. President Tinubu spoke in Abuja about the Nigerian economy.
"""

GARBLED_REPAIRS = {
    ("Nigerian", "Nigerien"),
    ("CEDEAO", "ECOWAS"),
    ("Economic Community of States of Africa of the West", "Economic Community of West African States"),
    ("Organization of the United Nations (ONU)", "United Nations (UN)"),
    ("Union africaine", "African Union"),
    ("Acled", "ACLED"),
    ("EIGS", "ISGS"),
    ("sixty-fifteen", "seventy-five"),
    ("GSIM", "JNIM"),
    ("FMI", "IMF"),
    ("Union Europeenne", "European Union"),
    ("Council of Security of the UN", "UN Security Council"),
    ("Front of Liberation of Azawad", "Azawad Liberation Front"),
    ("AQMI", "AQIM"),
    ("Alliance of the States of Sahel", "Alliance of Sahel States"),
    ("ASE", "AES"),
}


# More of the same: look-alike people (Mamadou Diallo and Mamadou Diarra; Amadou Koufa is in
# the glossary), "Nigerien" used correctly beside "Nigerian", bodies with their English names.
CLEAN2 = """DAKAR, Senegal (AP) — Senegal's national team coach Aliou Cisse named his squad on Tuesday. Sadio Mane, Ismaila Sarr and Pape Matar Sarr were included, as were Idrissa Gana Gueye and Lamine Camara. Mamadou Diallo scored twice for his club on Sunday while Mamadou Diarra was injured.

In Mali, the transitional authorities led by Col. Assimi Goita extended their rule. Mali's junta also dissolved political parties. Burkina Faso's Capt. Ibrahim Traore, who seized power in 2022, reshuffled his government. A Burkinabe army spokesman said VDP auxiliaries repelled an attack. Human Rights Watch said soldiers killed 223 villagers in Nodin and Soro.

The Islamic State Sahel Province, previously known as the Islamic State in the Greater Sahara, has expanded around Menaka. JNIM, al-Qaida's Sahel affiliate, blockaded Timbuktu. The U.N. said 2,000 people were displaced. The United Nations Security Council discussed the situation, and the U.N. Office for the Coordination of Humanitarian Affairs warned of hunger.

Prime Minister Ousmane Sonko and President Bassirou Diomaye Faye were elected on a reform platform. Former President Macky Sall left office. Their party, Pastef, won the legislative elections. The West African Economic and Monetary Union's central bank, the BCEAO, kept rates unchanged.

In Paris, President Emmanuel Macron's Renaissance party lost seats. The far-right National Rally, led by Jordan Bardella, won the most votes. The Socialists and the Greens formed an alliance with France Unbowed. Eighty-nine lawmakers voted in favor, while ninety voted against. The vote was at 4:20 p.m.

The Nigerien capital Niamey hosted the AES summit. Niger's General Abdourahamane Tchiani said Nigerien troops would join the joint force. Nigeria's army, the Nigerian military, fights Boko Haram and ISWAP in the northeast. Chad's Mahamat Deby won the election. The African Development Bank (AfDB) approved a loan. Central African Republic President Faustin-Archange Touadera met Russian officials.

The Coalition Avenir Québec government of Quebec Premier François Legault lost a by-election. Québec solidaire and the Parti Québécois gained. The Sûreté du Québec said three people died. The Montreal police, known as the SPVM, arrested a man. Hydro-Québec restored power.
"""


# France, Quebec and sport: unaccented names used consistently, brothers (Lucas and Theo
# Hernandez), French XV, CEGEPs, the CPI beside the ICC.
CLEAN3 = """PARIS (Reuters) - French Prime Minister Michel Barnier survived a no-confidence vote on Wednesday after the far-right National Rally (RN) declined to back the motion tabled by the leftist New Popular Front. Marine Le Pen said her party would decide later. Jordan Bardella, the RN's president, agreed.

The 2025 budget, which aims to cut the deficit to 5% of gross domestic product, includes tax increases on large companies. The CGT and CFDT unions called for strikes at the SNCF and the RATP. The INSEE statistics office said inflation slowed to 1.2%. The European Central Bank cut rates.

Kylian Mbappe scored twice for Real Madrid on Saturday. Mbappe, 25, has now scored 12 goals this season. His brother Ethan Mbappe plays for Lille. Ousmane Dembele and Bradley Barcola scored for Paris St Germain, coached by Luis Enrique. Lucas Hernandez and Theo Hernandez were both called up. Antoine Dupont led France's XV to victory over the All Blacks at the Stade de France; Les Bleus won 30-29.

MONTREAL (CP) - Quebec Premier Francois Legault said the province will cut immigration. The Coalition Avenir Quebec (CAQ) government faces criticism from the Quebec Liberals and Quebec solidaire. Montreal police (SPVM) arrested a suspect. The RCMP said it was investigating. Hydro-Quebec said 100,000 customers lost power. The CEGEP students protested; many CEGEPs were closed.

The weather service Meteo-France placed 12 departments on orange alert for storms. The Elysee said President Macron would visit Marseille. A cabinet reshuffle is expected. The Constitutional Council will rule on the immigration law. In the night, police made 30 arrests. About a dozen people were hurt.

The ICC issued an arrest warrant. The Hague-based court said it had jurisdiction. Consumer prices, measured by the CPI, rose 0.3%. The PSG chief executive said the club would appeal. Sixty-nine percent of voters approved. The ESA and NASA launched a probe. The BBC and CNN reported the news, as did AFP and AP.
"""


@pytest.mark.parametrize("text", [CLEAN, CLEAN2, CLEAN3], ids=["clean-1", "clean-2", "clean-3"])
def test_clean_agency_copy_has_no_findings(text: str) -> None:
    found = [(f.rule, text[f.start:f.end]) for f in FIXER.check(text)]
    assert found == []


def test_garbled_copy_gets_its_repairs() -> None:
    got = {(GARBLED[f.start:f.end], f.fix.edits[0].replacement) for f in FIXER.check(GARBLED) if f.fix}
    assert GARBLED_REPAIRS <= got
    # the Nigerian economy of President Tinubu, in Abuja, stays Nigerian
    last = GARBLED.rindex("Nigerian")
    assert all(f.start != last for f in FIXER.check(GARBLED))


GARBLED2 = """The Prime Minister Élisabeth Borne drew the 49.3 for the PLF, said the ecologist deputy Sandrine Rousseau at the microphone of France Inter. Elisabeth Borne then left the Assembly. The deputies of the Gathering National voted the motion, with eighty-ten signatures.

Eleven departments are in orange vigilance, according to Météo-France. In Quebec, the GRC and the Service of police of the City of Montreal arrested a man. The government of the Avenir Québec Coalition and François Legault announced a new plan. The PIB grew by 1%.

Kylian Mbappé scored in the 34th day of Ligue 1. Killian Mbappé then left for Real Madrid. The historic opponent Succès Masra became Prime Minister; Success Masra leads the Transformers. The actual president of the Chadian power, Mahamat Déby, agreed.
"""

GARBLED2_REPAIRS = {
    ("PLF", "finance bill"),
    ("ecologist deputy", "Green deputy"),
    ("at the microphone of", "speaking on"),
    ("Gathering National", "National Rally"),
    ("eighty-ten", "ninety"),
    ("in orange vigilance", "on orange alert"),
    ("GRC", "RCMP"),
    ("Avenir Québec Coalition", "Coalition Avenir Québec"),
    ("PIB", "GDP"),
    ("34th day", "34th round"),
    ("Élisabeth", "Elisabeth"),
    ("Killian", "Kylian"),
    ("historic opponent", "long-time opponent"),
    ("Success", "Succès"),
    ("The actual president", "The current president"),
    ("the Chadian power", "the Chadian authorities"),
}


def test_garbled_french_and_quebec_copy_gets_its_repairs() -> None:
    got = {(GARBLED2[f.start:f.end], f.fix.edits[0].replacement) for f in FIXER.check(GARBLED2) if f.fix}
    assert GARBLED2_REPAIRS <= got


@pytest.mark.parametrize("text", ["a" * 20000 + "A", "A" * 20000, "Ab " * 5000, "Of The And " * 3000, "(" * 5000],
                         ids=["lower-run", "upper-run", "cap-words", "connectors", "parens"])
def test_pathological_text_stays_linear(text: str) -> None:
    import time

    start = time.process_time()
    FIXER.check(text)
    assert time.process_time() - start < 2.0


# Written for this test: a headline whose football context is only in the body below it, the
# African Union's French acronym next to an African capital, and the French spelling of Al-Qaeda.
HEADLINE_AND_BODY = """CAN 2025: the Eagles of Mali qualify in the last minute

The Eagles of Mali obtained their ticket thanks to a goal of their striker in the last minute.

A delegation of the UA arrived in the Nigerien capital on Monday. The attack was claimed by the branch of Al-Qaïda in the Sahel.
"""


def test_held_out_acronyms_and_french_spelling_found() -> None:
    got = {(HEADLINE_AND_BODY[f.start:f.end], f.fix.edits[0].replacement) for f in FIXER.check(HEADLINE_AND_BODY) if f.fix}
    assert {("CAN", "AFCON"), ("UA", "AU"), ("Al-Qaïda", "Al-Qaeda")} <= got


@pytest.mark.parametrize("text", [
    "UA flight 90 from Newark to Chicago was delayed; the airline apologised.",
    "The CAN bus of the car failed during the 2025 test in Detroit.",
    "The group pledged allegiance to al-Qaeda (al-Qaida) years ago.",
])
def test_ambiguous_acronyms_left_alone_without_context(text: str) -> None:
    assert [(f.rule, text[f.start:f.end]) for f in FIXER.check(text)] == []


@pytest.mark.parametrize("text", ["They were ſixty-ten.", "sixty-ſixteen people", "four-twenty-ſix cars"])
def test_number_calque_skips_case_folded_spellings(text: str) -> None:
    """`ſ` folds to `s` in the case-insensitive pattern but not in the number tables: such a
    match once failed the rule with a KeyError; it is now left alone."""
    from fixer import check_text

    assert [f for f in check_text(text) if f.rule == "mistranslation.number-calque"] == []


def test_an_ambiguous_french_acronym_glossing_the_bodys_english_name_needs_no_context() -> None:
    # OFS is also an English company name: it needs a context word of the office near it, but
    # after the English name of the Federal Statistical Office it is that office's acronym
    filler = "The central bank cut its key rate by a quarter point on Thursday, its third cut this year. " * 4
    text = (f"The Swiss franc rose again. {filler}"
            "Prices rose 0.1% in October, according to the Federal Statistical Office (OFS) in a release.")
    found = [(f.rule, text[f.start:f.end]) for f in FIXER.check(text)]
    assert ("terminology.french-acronym", "OFS") in found
    assert FIXER.check("OFS, the fibre-optic maker, said orders rose in October.") == []


def test_a_french_name_spelt_as_the_body_spells_it_has_no_broken_capitals() -> None:
    text = "The Haute Autorité de santé (HAS) widened the vaccination to people over 75."
    assert [f for f in FIXER.check(text) if f.rule == "terminology.name-case"] == []


DAMAGE = " The minister of lÉconomie spoke after lattaque."  # translation damage: weak findings stand
ALL_RULES = Fixer(Config())


@pytest.mark.parametrize("text, wrong, right", [
    ("The councillor Bernard Vuillerme opposed the plan. Vuillerne wants a temporary rink.", "Vuillerne", "Vuillerme"),
    ("The vote was held in Antananarivo on Monday. In Antanarivo, the news was greeted calmly.", "Antanarivo", "Antananarivo"),
])
def test_a_lone_slip_after_a_full_name_or_a_place(text: str, wrong: str, right: str) -> None:
    found = [(text[f.start:f.end], f.fix.edits[0].replacement) for f in ALL_RULES.check(text + DAMAGE)
             if f.rule == "inconsistency.name-spelling"]
    assert found == [(wrong, right)]


@pytest.mark.parametrize("text", [
    "Bernard Vuillerme spoke first. Then Marie Vuillerne, his cousin, answered.",  # another first name
    "Vuillerne wants a rink. The councillor Bernard Vuillerme opposed the plan.",  # the slip comes first
    "Mauritania exports iron ore. Mauritanian miners went on strike.",  # a word of the same family
    "Seychelles fishermen met. The Seychellois minister answered them.",
])
def test_near_twins_that_are_not_slips(text: str) -> None:
    assert [f for f in ALL_RULES.check(text + DAMAGE) if f.rule == "inconsistency.name-spelling"] == []


def test_a_lone_slip_is_weak_without_other_damage() -> None:
    text = "The councillor Bernard Vuillerme opposed the plan. Vuillerne wants a temporary rink."
    assert [f for f in ALL_RULES.check(text) if f.rule == "inconsistency.name-spelling"] == []


@pytest.mark.parametrize("text, wrong, right", [
    ("Councillor Chantal LeBlanc proposed a team. It failed, deplored Chantal Leblanc.", "Leblanc", "LeBlanc"),
    ("The mayor of Carleton-sur-Mer spoke. In Carleton sur Mer, a committee formed.", "Carleton sur Mer",
     "Carleton-sur-Mer"),
])
def test_case_and_connector_hyphen_variants(text: str, wrong: str, right: str) -> None:
    found = [(text[f.start:f.end], f.fix.edits[0].replacement) for f in FIXER.check(text)
             if f.rule == "inconsistency.name-spelling"]
    assert found == [(wrong, right)]


@pytest.mark.parametrize("text", [
    "LEBLANC WINS. Chantal LeBlanc won the vote.",  # a heading in capitals is not a variant
    "Boulogne-sur-Mer beat Calais. The sur mer label is new.",
    "He sailed to Carleton and then to Mer Bleue; Carleton-sur-Mer was not on the way.",
])
def test_case_and_connector_variants_left_alone(text: str) -> None:
    assert [f for f in FIXER.check(text) if f.rule == "inconsistency.name-spelling"] == []


@pytest.mark.parametrize("text", [
    "Unicef, the United Nations Children’s Fund, said 300 schools were damaged in the south.",
    "The United Nations Industrial Development Organization funds the retorts that capture mercury.",
])
def test_correct_names_in_other_spellings_are_left_alone(text: str) -> None:
    """A listed name with a curly apostrophe and `United Nations` for a listed `UN` are no
    mangled names."""
    fixer = Fixer(Config(select=("terminology.mangled-name",)))
    assert fixer.check(text) == []


def test_a_french_name_is_flagged_even_with_its_acronym() -> None:
    """The dev corpus's annotators flag a French name given with its acronym (`Libertés,
    Indépendants, Outre-mer et Territoires (LIOT)`), as a translation left it."""
    fixer = Fixer(Config(select=("terminology.mangled-name",)))
    text = "In Bern, the Ministère public de la Confédération (MPC) charged the trader with money laundering."
    assert "Ministère public de la Confédération" in [text[f.start:f.end] for f in fixer.check(text)]
