"""Quotes and attribution on short news-style texts written for these tests."""

from __future__ import annotations

import pytest

from eventwire.errors import DictionaryError
from eventwire.evaluate.quotes import GoldAttribution, _is_cue_word, _is_pronoun, speaker_right
from eventwire.extract import quotes
from eventwire.extract.context import Context
from eventwire.extract.entities import extract_entities
from eventwire.extract.parse import parse_document
from eventwire.extract.quotes import lexicon, load_lexicon, quotation_segments
from eventwire.ingest import make_document
from eventwire.records import Extraction, Organization, Quote
from eventwire.run import Pipeline


def _extract(pipeline: Pipeline, text: str) -> Extraction:
    """The stages quotes read (parse, entities), then quotes: no other stage's work needed."""
    document = make_document(text, "test")
    ctx = Context(document, parse_document(document, pipeline.nlp), pipeline.resources)
    ctx.people, ctx.organizations = extract_entities(document, ctx.parsed)
    return Extraction(document, people=ctx.people, organizations=ctx.organizations,
                      quotes=quotes.extract(ctx))


def _quote(ex: Extraction, words: str) -> Quote:
    hits = [q for q in ex.quotes if words in q.text]
    assert len(hits) == 1, [(q.text, q.speaker_name) for q in ex.quotes]
    return hits[0]


def _speaker(ex: Extraction, q: Quote) -> str | None:
    """The speaker's record name (None when unresolved)."""
    records = {r.id: r.name for r in (*ex.people, *ex.organizations)}
    return records.get(q.speaker_id) if q.speaker_id else None


# --- no model needed -------------------------------------------------------------------


def test_lexicon_has_the_cues_of_news_style() -> None:
    table = lexicon()
    for key in (("say", ""), ("tell", ""), ("point", "out"), ("believe", ""), ("warn", "")):
        assert key in table
    assert table[("believe", "")].kind == "belief"
    assert table[("continue", "")].needs == "quote"  # "continued fighting" is no speech
    assert table[("call", "for")].needs == "object"


def test_malformed_lexicon_row_names_its_line() -> None:
    text = "# comment\ncue\tkind\tneeds\nsay\tspeech\tany\nshout\tloud\tquote\n"
    with pytest.raises(DictionaryError) as err:
        load_lexicon(text, "verbs.tsv")
    assert "verbs.tsv, line 4" in str(err.value)


def test_quotation_left_open_continues_in_the_next_paragraph() -> None:
    text = ('He said: "The first part runs on and on.\n\n'
            '"The second part closes it," he added.\n')
    first, second = (0, text.index("\n\n")), (text.index("\n\n") + 2, len(text) - 1)
    segments = quotation_segments(text, [first, second])
    assert [text[s.start:s.end] for s in segments] == [
        "The first part runs on and on.", "The second part closes it,"]
    assert segments[0].run == segments[1].run


def test_scare_quotes_are_not_quotations() -> None:
    text = 'Rebels entered the so-called "buffer zone" on Monday.'
    assert quotation_segments(text, [(0, len(text))]) == []


# --- constructions, with the real model ------------------------------------------------


@pytest.mark.model
def test_speaker_said_direct_quote(pipeline: Pipeline) -> None:
    ex = _extract(pipeline, 'Interior Minister Karim Belhadj said "the border will stay '
                            'closed until the end of the month."\n')
    q = _quote(ex, "border will stay closed")
    assert q.kind == "direct"
    assert q.text == "the border will stay closed until the end of the month."
    assert _speaker(ex, q) == "Karim Belhadj"
    assert q.cue is not None and q.cue.text == "said"


@pytest.mark.model
def test_quote_before_its_cue_added(pipeline: Pipeline) -> None:
    text = ('Opposition leader Marta Velasquez spoke in Lima on Tuesday.\n\n'
            '"We will not accept a result written in advance," Velasquez added.\n')
    ex = _extract(pipeline, text)
    q = _quote(ex, "written in advance")
    assert q.kind == "direct" and q.cue is not None and q.cue.text == "added"
    assert q.text.startswith("We will not") and _speaker(ex, q) == "Marta Velasquez"


@pytest.mark.model
def test_told_a_channel_that(pipeline: Pipeline) -> None:
    text = ("The economist Lars Nyberg told Al Jazeera that the currency would "
            "lose more value before the summer.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "currency would lose")
    assert q.kind == "indirect"
    assert q.text.startswith("the currency")  # the complementizer "that" is not content
    assert q.channel == "Al Jazeera" and q.cue is not None and q.cue.text == "told"
    assert _speaker(ex, q) == "Lars Nyberg"


@pytest.mark.model
def test_according_to_a_named_person(pipeline: Pipeline) -> None:
    text = ("Port official Diego Ramos said ships were waiting outside the harbour.\n\n"
            "According to Ramos, the cranes will be repaired within two days.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "cranes will be repaired")
    assert q.cue is not None and q.cue.text == "According to"
    assert not q.text.startswith("According") and _speaker(ex, q) == "Diego Ramos"


@pytest.mark.parametrize("verb", ["stressed", "believed", "pointed out", "warned"])
@pytest.mark.model
def test_verbs_of_saying_and_believing_with_that(pipeline: Pipeline, verb: str) -> None:
    text = (f"The analyst Priya Raman {verb} that the ceasefire would not survive "
            "the winter.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "ceasefire would not survive")
    assert q.cue is not None and q.cue.text == verb
    assert q.kind == "indirect" and _speaker(ex, q) == "Priya Raman"


@pytest.mark.model
def test_asked_and_said_with_a_quotation(pipeline: Pipeline) -> None:
    text = ("Senator Tom Whitfield asked about the missing funds and said, "
            '"Why has nobody been held responsible for this?"\n')
    ex = _extract(pipeline, text)
    q = _quote(ex, "nobody been held responsible")
    assert q.kind == "direct" and q.cue is not None and q.cue.text == "said"
    assert _speaker(ex, q) == "Tom Whitfield"


@pytest.mark.model
def test_quote_spanning_paragraphs_is_one_record(pipeline: Pipeline) -> None:
    text = ('Aid worker Hanna Lind said: "The camps are full and the water is running out.\n\n'
            '"We need trucks, not promises, and we need them this week."\n')
    ex = _extract(pipeline, text)
    q = _quote(ex, "camps are full")
    assert "trucks, not promises" in q.text and q.kind == "direct"
    assert _speaker(ex, q) == "Hanna Lind"


@pytest.mark.model
def test_pronoun_speaker_is_the_last_named_speaker(pipeline: Pipeline) -> None:
    text = ('"The harvest is lost," farmer Joseph Mwangi said on Friday.\n\n'
            "He explained that the rains had come three weeks too late.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "rains had come")
    assert q.cue is not None and q.cue.text == "explained"
    assert _speaker(ex, q) == "Joseph Mwangi"


@pytest.mark.model
def test_pronoun_after_two_named_speakers_stays_null(pipeline: Pipeline) -> None:
    text = ("Mayor Ines Duarte and Governor Paulo Serra said the bridge would reopen.\n\n"
            "He said that the repairs had cost twice the estimate.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "repairs had cost")
    assert q.speaker_id is None and q.speaker_name is None


@pytest.mark.model
def test_short_form_and_misspelled_speaker_resolve_to_one_person(pipeline: Pipeline) -> None:
    text = ("Political analyst Samir Abu Khalil told Reuters that the vote would be "
            "delayed.\n\n"
            "Abu Khalil stressed that the delay helps the ruling party.\n\n"
            "Khalill said that the courts would have the final word.\n")
    ex = _extract(pipeline, text)
    ids = {_quote(ex, w).speaker_id for w in ("vote would be", "delay helps", "courts would")}
    assert len(ids) == 1 and None not in ids


@pytest.mark.model
def test_belief_of_a_named_group(pipeline: Pipeline) -> None:
    text = ("European diplomats believe that the sanctions will be extended in June.\n")
    q = _quote(_extract(pipeline, text), "sanctions will be extended")
    assert q.speaker_id is None and q.speaker_name == "European diplomats"
    assert q.cue is not None and q.cue.text == "believe"


@pytest.mark.model
def test_organization_speaker_and_its_common_noun(pipeline: Pipeline) -> None:
    text = ("The World Health Organization said on Monday that cholera cases had doubled.\n\n"
            "The organization said that vaccines would arrive next week.\n")
    ex = _extract(pipeline, text)
    first, second = _quote(ex, "cholera cases"), _quote(ex, "vaccines would arrive")
    assert first.speaker_id is not None and first.speaker_id.startswith("o")
    assert second.speaker_id == first.speaker_id


@pytest.mark.model
def test_no_quotes_from_captions_or_headings(pipeline: Pipeline) -> None:
    text = ("Protesters march through the capital (Reuters)\n\n"
            "Officials say the march was peaceful\n"
            "Thousands marched through the capital on Sunday, and police said "
            "that no arrests were made.\n")
    ex = _extract(pipeline, text)
    assert [q.text for q in ex.quotes] == ["no arrests were made"]


@pytest.mark.model
def test_every_quote_is_evidence_of_the_text(pipeline: Pipeline) -> None:
    text = ('"It is too early to tell," the spokesman said. Officials warned that more '
            "rain was coming, and according to the army, roads in the north are closed.\n")
    ex = _extract(pipeline, text)
    assert len(ex.quotes) >= 3
    for q in ex.quotes:
        assert ex.document.text[q.start:q.end] == q.text
        assert q.cue is None or ex.document.text[q.cue.start:q.cue.end] == q.cue.text
        assert q.kind in ("direct", "indirect", "mixed")


@pytest.mark.model
def test_transcript_label_is_the_speaker_but_layout_labels_are_not(pipeline: Pipeline) -> None:
    text = ("HOST: Will the talks resume this week?\n\n"
            "UPDATE: The talks resumed on Thursday in Geneva.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "talks resume this week")
    assert q.speaker_name == "HOST" and q.cue is not None and q.cue.text == ":"
    assert not any("resumed on Thursday" in x.text for x in ex.quotes)


@pytest.mark.model
def test_pronoun_skips_a_person_the_text_marks_as_the_other_gender(pipeline: Pipeline) -> None:
    text = ("Mr. Ahmed Karimi met Ms. Leila Nasser in Tunis on Monday.\n\n"
            "She said that the agreement would be signed in March.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "agreement would be signed")
    assert _speaker(ex, q) == "Leila Nasser"


@pytest.mark.model
def test_according_to_after_a_noun_reports_its_clause(pipeline: Pipeline) -> None:
    text = ("Dozens of houses were destroyed in the overnight shelling of the town, "
            "according to local officials.\n")
    q = _quote(_extract(pipeline, text), "houses were destroyed")
    assert q.speaker_name == "local officials" and "according" not in q.text


def test_two_cues_reporting_the_same_words_make_one_quote() -> None:
    from eventwire.extract.quotes import Speaker, _distinct, _Found

    who = Speaker("p1", "Lena Park")
    long = _Found(10, 110, "indirect", who, None, None)
    same = _Found(14, 110, "indirect", who, None, None)  # 96 of 100 characters shared
    nested = _Found(60, 110, "indirect", who, None, None)  # a clause inside: kept apart
    kept = _distinct([same, nested, long])
    assert [(f.start, f.end) for f in kept] == [(10, 110), (60, 110)]


# --- quotes.rules.v3: stance cues, signatures, nominal cues, more speakers --------------


@pytest.mark.model
def test_stance_content_runs_to_the_end_of_its_clause(pipeline: Pipeline) -> None:
    text = ("Harbour master Ola Berg mentioned the delays at the port as evidence of "
            "years of neglect.\n")
    q = _quote(_extract(pipeline, text), "delays at the port")
    assert q.text.endswith("as evidence of years of neglect")
    assert q.cue is not None and q.cue.text == "mentioned"


@pytest.mark.model
def test_quotation_signed_with_a_dash(pipeline: Pipeline) -> None:
    text = ('"The shelters are full and the water is running out." ― Maria Lopez\n'
            '"Nobody has told us when the buses will come." ― Tomas Rivera\n')
    ex = _extract(pipeline, text)
    assert _quote(ex, "shelters are full").speaker_name == "Maria Lopez"
    assert _quote(ex, "buses will come").speaker_name == "Tomas Rivera"
    assert _quote(ex, "buses will come").cue.text == "―"  # type: ignore[union-attr]


@pytest.mark.model
def test_cue_and_colon_introduce_the_next_paragraph(pipeline: Pipeline) -> None:
    text = ("Port official Diego Ramos added:\n\n"
            "The cranes will be repaired within two days and the ships can dock again.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "cranes will be repaired")
    assert q.text.startswith("The cranes") and _speaker(ex, q) == "Diego Ramos"


@pytest.mark.model
def test_nominal_cue_with_its_clause(pipeline: Pipeline) -> None:
    text = ("Governor Paulo Serra visited the dam on Monday.\n\n"
            "The ministry's warning that the dam could fail was ignored for months.\n")
    q = _quote(_extract(pipeline, text), "dam could fail")
    assert q.text == "the dam could fail"
    assert q.cue is not None and q.cue.text == "warning" and q.speaker_name == "ministry"


@pytest.mark.model
def test_nominal_cue_inside_a_verb_cue_is_not_a_second_quote(pipeline: Pipeline) -> None:
    text = "Mayor Ines Duarte said in a statement that the bridge would reopen on Friday.\n"
    ex = _extract(pipeline, text)
    q = _quote(ex, "bridge would reopen")
    assert q.cue is not None and q.cue.text == "said" and _speaker(ex, q) == "Ines Duarte"


@pytest.mark.model
def test_is_expected_reports_a_view_without_a_source(pipeline: Pipeline) -> None:
    ex = _extract(pipeline, "The envoy is expected to arrive in Geneva on Friday.\n")
    q = _quote(ex, "envoy is expected")
    assert q.speaker_id is None and q.speaker_name is None


@pytest.mark.model
def test_seems_is_a_stance_of_people_not_of_the_writer(pipeline: Pipeline) -> None:
    text = ("The ceasefire in the north seems to be holding.\n\n"
            "Governor Paulo Serra seemed to concede that the count was lost.\n\n"
            "The old canal became known as the border of the two districts.\n")
    ex = _extract(pipeline, text)
    assert not any("ceasefire" in q.text or "canal" in q.text for q in ex.quotes)
    q = _quote(ex, "count was lost")
    assert _speaker(ex, q) == "Paulo Serra"


@pytest.mark.model
def test_passive_cue_with_by_names_its_source(pipeline: Pipeline) -> None:
    text = "The budget was criticized by Senator Ana Ruiz as reckless and unfair.\n"
    ex = _extract(pipeline, text)
    q = _quote(ex, "reckless")
    assert _speaker(ex, q) == "Ana Ruiz"


@pytest.mark.model
def test_they_is_the_latest_plural_subject(pipeline: Pipeline) -> None:
    text = ("Residents of the valley sent a letter to the governor on Monday.\n\n"
            "They said the reservoir had been unsafe for years.\n")
    q = _quote(_extract(pipeline, text), "reservoir had been unsafe")
    assert q.speaker_name == "Residents"


@pytest.mark.model
def test_a_stance_inside_reported_speech_is_not_a_second_quote(pipeline: Pipeline) -> None:
    ex = _extract(pipeline, "Mayor Ines Duarte said she wants the talks to resume soon.\n")
    assert len(ex.quotes) == 1 and ex.quotes[0].cue.text == "said"  # type: ignore[union-attr]


@pytest.mark.model
def test_transcript_labels_each_speak_for_their_own_paragraph(pipeline: Pipeline) -> None:
    text = ('"HOST: Will the talks resume this week?\n\n'
            '"RIVERA: They will resume on Thursday, and we expect a deal.\n\n'
            '"HOST: And if they fail?\n')
    ex = _extract(pipeline, text)
    assert _quote(ex, "resume on Thursday").speaker_name == "RIVERA"
    assert _quote(ex, "if they fail").speaker_name == "HOST"


@pytest.mark.model
def test_speaker_named_after_the_cue(pipeline: Pipeline) -> None:
    text = ("The new levy, said Lars Nyberg, an economist at the central bank, would "
            "hurt exporters.\n\n"
            '"It is too late to change course," added one delegate.\n')
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "hurt exporters")) == "Lars Nyberg"
    assert _quote(ex, "too late to change").speaker_name == "one delegate"


@pytest.mark.model
def test_asked_has_no_known_asker_and_a_statement_is_its_issuer(pipeline: Pipeline) -> None:
    text = ("Asked about the vote, Governor Paulo Serra said the count was fair.\n\n"
            "The Interior Ministry issued a statement calling the attack a war crime.\n")
    ex = _extract(pipeline, text)
    asked = [q for q in ex.quotes if q.cue is not None and q.cue.text == "Asked"]
    assert all(q.speaker_name is None for q in asked)
    assert _speaker(ex, _quote(ex, "count was fair")) == "Paulo Serra"
    q = _quote(ex, "war crime")
    assert q.speaker_id is not None and q.speaker_id.startswith("o")


@pytest.mark.model
def test_hoping_is_a_cue_despite_its_lemma(pipeline: Pipeline) -> None:
    text = "Mayor Ines Duarte is hoping that the bridge reopens before the winter.\n"
    ex = _extract(pipeline, text)
    q = _quote(ex, "bridge reopens")
    assert q.cue is not None and q.cue.text == "hoping" and _speaker(ex, q) == "Ines Duarte"


@pytest.mark.model
def test_each_quotation_keeps_its_own_cue(pipeline: Pipeline) -> None:
    text = ('"It is over," said one delegate. "It is theirs to lose at this point," added '
            "another delegate.\n")
    ex = _extract(pipeline, text)
    assert _quote(ex, "It is over").speaker_name == "one delegate"
    assert _quote(ex, "theirs to lose").speaker_name == "another delegate"


@pytest.mark.model
def test_words_of_the_quotation_are_not_its_speaker(pipeline: Pipeline) -> None:
    text = ('"The campaign is in panic mode. Full panic mode," said Leslie Wimes, a local '
            "party president.\n")
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "panic mode")) == "Leslie Wimes"


@pytest.mark.model
def test_quotation_after_its_speakers_sentence(pipeline: Pipeline) -> None:
    text = ('Senator Ana Ruiz described the new levy as theft. "It takes from the poor and '
            'gives to the banks."\n\n'
            '"Why has nobody resigned over this?" Ruiz demanded.\n')
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "takes from the poor")) == "Ana Ruiz"
    assert _speaker(ex, _quote(ex, "nobody resigned")) == "Ana Ruiz"


@pytest.mark.model
def test_speaker_of_a_passive_that_leads_to_the_cue(pipeline: Pipeline) -> None:
    text = "Mayor Ines Duarte was prompted to say that the bridge would reopen in May.\n"
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "bridge would reopen")) == "Ines Duarte"


@pytest.mark.model
def test_speaker_is_the_name_of_the_subject_not_one_inside_it(pipeline: Pipeline) -> None:
    text = ("The head of the group backing Governor Paulo Serra, Mike Okafor, said that "
            "the plan would pass.\n")
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "plan would pass")) == "Mike Okafor"


# --- the PolNeAR evaluator's speaker matching (no model needed) -----------------------


def _gold(source: str | None, at: int = 0) -> GoldAttribution:
    span = ((at, at + len(source)),) if source else None
    return GoldAttribution(content=((100, 150),), source=span, source_text=source)


def test_evaluator_reads_possessives_as_pronouns_and_verbs_as_no_source() -> None:
    assert _is_pronoun("his") and _is_pronoun("Their") and not _is_pronoun("Ruiz")
    assert _is_cue_word("said") and _is_cue_word("told")
    assert not _is_cue_word("officials") and not _is_cue_word("Said Ellis")


def test_evaluator_takes_the_head_of_a_name_before_its_preposition() -> None:
    document = make_document("The debate commission said the microphone had failed. " * 4,
                             "test")
    commission = Organization(id="o1", name="Commission on Presidential Debates", mentions=())
    ex = Extraction(document, organizations=(commission,))
    quote = Quote(id="q1", text="x", start=100, end=150, kind="indirect",
                  speaker_id="o1", speaker_name=commission.name)
    gold = _gold("The commission")
    assert speaker_right(quote, gold, [gold], ex)
    other = _gold("The campaign")
    assert not speaker_right(quote, other, [other], ex)


@pytest.mark.model
def test_pronoun_names_the_speaker_not_a_subject_inside_the_report(pipeline: Pipeline) -> None:
    text = ("Senator Tom Whitfield said that Governor Paulo Serra had lost the vote.\n\n"
            "He added that a recount would follow in March.\n")
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "recount would follow")) == "Tom Whitfield"


@pytest.mark.model
def test_pronoun_chain_skips_names_that_are_only_objects(pipeline: Pipeline) -> None:
    text = ("Senator Tom Whitfield spoke for an hour in Denver on Monday.\n\n"
            "He held his fire on Paulo Serra and Diego Ramos.\n\n"
            "He said that the party would unite before the vote.\n")
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "party would unite")) == "Tom Whitfield"



# --- quotes.rules.v5-v7: as-clauses, said + noun, asked to, names, empty, typo marks ------


@pytest.mark.parametrize("text, words, speaker", [
    ("Mayor Ana Ruiz spoke on Monday. As Ruiz pointed out, the bridge has been closed "
     "for three years.", "the bridge has been closed for three years", "Ruiz"),
    ("The bridge has been closed for three years, as local officials have said.",
     "The bridge has been closed for three years", None),
])
def test_as_clause_reports_the_clause_it_sits_in(pipeline: Pipeline, text: str, words: str,
                                                  speaker: str | None) -> None:
    ex = _extract(pipeline, text)
    q = _quote(ex, "bridge")
    assert q.text == words  # the as-clause itself is not part of what was said
    assert q.cue is not None and q.cue.text in ("pointed out", "said")
    if speaker is None:
        assert q.speaker_id is None and q.speaker_name == "local officials"
    else:
        assert "Ruiz" in (_speaker(ex, q) or "")  # resolved to the person record


def test_said_with_a_noun_object_reports_it(pipeline: Pipeline) -> None:
    ex = _extract(pipeline, "Several senators said the same thing about the budget on Tuesday.")
    q = _quote(ex, "the same thing")
    assert q.text.startswith("the same thing about the budget")
    assert q.speaker_name == "Several senators"


def test_asked_to_runs_through_the_request(pipeline: Pipeline) -> None:
    ex = _extract(pipeline, "The moderator, Ana Ruiz, asked the candidates to describe their "
                            "plans for the border.")
    q = _quote(ex, "candidates")
    assert q.text == "the candidates to describe their plans for the border"  # not the addressee
    assert q.cue is not None and q.cue.text == "asked"


def test_told_with_an_addressee_only_reports_nothing(pipeline: Pipeline) -> None:
    ex = _extract(pipeline, "Governor Tom Okafor told his aides on Friday.")
    assert not [q for q in ex.quotes if "aides" in q.text]


@pytest.mark.parametrize("text", [
    "The clinic stands beside a river called Stone Creek, the mayor said on Monday.",
    "The program, called Bright Start, pays for school meals, the ministry said.",
])
def test_called_naming_a_thing_is_no_quote(pipeline: Pipeline, text: str) -> None:
    ex = _extract(pipeline, text)
    assert [q.cue.text for q in ex.quotes if q.cue] == ["said"]


def test_empty_quotation_is_no_quote(pipeline: Pipeline) -> None:
    # A stray closing mark ends the first paragraph: the marks pair up around nothing.
    ex = _extract(pipeline, 'Asked about the plan, 54 percent said yes; 46 percent, no."\n\n'
                            '“This is in their heads,” said Ana Ruiz, speaking on the radio.')
    assert ex.quotes
    assert all(q.text.strip() for q in ex.quotes)
    assert any("in their heads" in q.text for q in ex.quotes)


def test_closing_mark_opening_a_paragraph_opens_a_signed_quotation(pipeline: Pipeline) -> None:
    text = ("Readers sent us their views on the debate.\n\n"
            "”The debate showed me nothing new about either of them.” ― Ana Ruiz\n\n"
            "“I will vote for the first time this year.” ― Tom Okafor")
    ex = _extract(pipeline, text)
    q = _quote(ex, "nothing new")
    assert q.text == "The debate showed me nothing new about either of them."
    assert q.speaker_name == "Ana Ruiz"
    assert _quote(ex, "first time").speaker_name == "Tom Okafor"


# --- quotes.rules.v8: nested reports, coordinated statements -----------------------------


@pytest.mark.model
def test_a_report_inside_reported_speech_is_part_of_it(pipeline: Pipeline) -> None:
    text = ("The foreign minister, Elena Sorokina, said the envoy had warned that the talks "
            "would collapse.\n")
    ex = _extract(pipeline, text)
    assert len(ex.quotes) == 1, [q.text for q in ex.quotes]
    q = ex.quotes[0]
    assert q.cue is not None and q.cue.text == "said"
    assert q.text == "the envoy had warned that the talks would collapse"


@pytest.mark.parametrize("second", ["and warned that", ", arguing that"])
@pytest.mark.model
def test_a_coordinated_cue_is_the_speakers_next_statement(pipeline: Pipeline,
                                                          second: str) -> None:
    text = (f"Governor Alan Pike said he would sign the budget{' ' if second[0] != ',' else ''}"
            f"{second} taxes would rise next year.\n")
    ex = _extract(pipeline, text)
    first, other = _quote(ex, "sign the budget"), _quote(ex, "taxes would rise")
    assert first.text == "he would sign the budget"
    assert other.text == "taxes would rise next year"
    assert _speaker(ex, first) == _speaker(ex, other) == "Alan Pike"


@pytest.mark.model
def test_a_coordinated_cue_in_the_content_is_the_first_speakers(pipeline: Pipeline) -> None:
    # The parser hangs "warned" on "sign", inside what "said" reports: still Pike's words.
    text = "Governor Alan Pike said he would sign the budget and warned that taxes would rise.\n"
    ex = _extract(pipeline, text)
    assert _speaker(ex, _quote(ex, "taxes would rise")) == "Alan Pike"


@pytest.mark.parametrize(("text", "content"), [
    ("One senator threatened to make the banker testify in public, should he fail to hand "
     "over the records.\n",
     "to make the banker testify in public, should he fail to hand over the records"),
    ("The mayor also said that it was too early to tell whether the fire was arson, and "
     "there was no evidence yet of a crime.\n",
     "it was too early to tell whether the fire was arson, and there was no evidence yet "
     "of a crime"),
])
@pytest.mark.model
def test_what_a_cue_introduces_runs_to_the_end_of_its_sentence(pipeline: Pipeline, text: str,
                                                               content: str) -> None:
    ex = _extract(pipeline, text)
    assert [q.text for q in ex.quotes] == [content]


@pytest.mark.model
def test_a_cue_after_the_content_does_not_run_on(pipeline: Pipeline) -> None:
    text = "Taxes will rise next year, the minister said on Monday in a speech to bankers.\n"
    ex = _extract(pipeline, text)
    assert [q.text for q in ex.quotes] == ["Taxes will rise next year"]


@pytest.mark.model
def test_a_paragraph_that_is_only_a_quotation_continues_the_quote_before(
        pipeline: Pipeline) -> None:
    text = ("“No one is singing for the mayor. Her rival had a band,” Rosa Diaz said.\n\n"
            "“Right now, the vote is against the rival. It is not for the mayor.”\n\n"
            "Turnout was low.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "singing for the mayor")
    assert q.text.endswith("It is not for the mayor.") and _speaker(ex, q) == "Rosa Diaz"
    assert len(ex.quotes) == 1


@pytest.mark.model
def test_a_participle_aside_on_the_cue_does_not_break_the_quotation(pipeline: Pipeline) -> None:
    text = ("“This is in their heads,” said Mateo Ruiz, speaking of the scandal. “It is one of "
            "the things worrying them.”\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "in their heads")
    assert q.text.endswith("worrying them.") and _speaker(ex, q) == "Mateo Ruiz"
    assert len(ex.quotes) == 1


@pytest.mark.model
def test_the_object_of_a_request_says_what_the_infinitive_reports(pipeline: Pipeline) -> None:
    text = ("Senator Dana Whitlock pressed the bank's chief, Tom Barker, to admit that no "
            "managers had been punished.\n")
    ex = _extract(pipeline, text)
    q = _quote(ex, "no managers had been punished")
    assert q.cue is not None and q.cue.text == "admit" and _speaker(ex, q) == "Tom Barker"


@pytest.mark.parametrize(("text", "cue", "content"), [
    ("Governor Lena Marsh outlined her plan to expand rural broadband.\n", "outlined",
     "her plan to expand rural broadband"),
    ("The economist Omar Haddad likened the new tariffs to a tax on families.\n", "likened",
     "the new tariffs to a tax on families"),
    ("Mayor Carla Ortiz disputes the idea that the bridge is unsafe.\n", "disputes",
     "the idea that the bridge is unsafe"),
    ("Senator Dana Whitlock offered no evidence that the ballots were forged.\n", "offered",
     "no evidence that the ballots were forged"),
    ("The union agreed to suspend the strike until Monday.\n", "agreed",
     "to suspend the strike until Monday"),
    ("The ministry plans to raise fuel prices in the spring.\n", "plans",
     "to raise fuel prices in the spring"),
])
@pytest.mark.model
def test_presenting_comparing_disputing_and_intending_are_cues(pipeline: Pipeline, text: str,
                                                                cue: str, content: str) -> None:
    ex = _extract(pipeline, text)
    assert [(q.cue.text if q.cue else None, q.text) for q in ex.quotes] == [(cue, content)]


@pytest.mark.parametrize(("text", "words", "speaker"), [
    # A participle after a preposition hung on a noun: up to the clause's subject.
    ("After the war, the Liberals were in the lead in advocating a new treaty with the "
     "neighbours.\n", "a new treaty", "Liberals"),
    # An object right before a participle is who feels: "left many farmers feeling that".
    ("The collapse of the talks left many farmers feeling that the government had abandoned "
     "them.\n", "government had abandoned", "many farmers"),
    # A participle set off by a comma inside a relative clause: the main clause's subject.
    ("Senator Dana Whitlock refused to pay an architect who said he was cheated after he "
     "designed her house, saying, “Maybe he did not do a good job.”\n", "Maybe he did not",
     "Dana Whitlock"),
])
@pytest.mark.model
def test_who_a_participle_speaks_for(pipeline: Pipeline, text: str, words: str,
                                     speaker: str) -> None:
    ex = _extract(pipeline, text)
    q = _quote(ex, words)
    assert (_speaker(ex, q) or q.speaker_name) == speaker


# --- where the text names the speaker ----------------------------------------------------


@pytest.mark.model
@pytest.mark.parametrize(("text", "words", "named"), [
    ("Interior Minister Ana Ruiz said the border would reopen on Monday.",
     "the border would reopen", "Ana Ruiz"),
    ("Mayor John Okafor visited the site on Sunday. He said the bridge would be rebuilt.",
     "the bridge would be rebuilt", "He"),
    ("The Defence Ministry said in a statement that two drones were shot down.",
     "two drones were shot down", "Defence Ministry"),
    ('"We will not leave," said Omar Haddad, a farmer from the valley.',
     "We will not leave", "Omar Haddad"),
    ("According to a local official, the bridge was destroyed overnight.",
     "the bridge was destroyed", "a local official"),
])
def test_speaker_span_is_where_the_text_names_the_speaker(
        pipeline: Pipeline, text: str, words: str, named: str) -> None:
    q = _quote(_extract(pipeline, text), words)
    assert q.speaker_span is not None
    assert q.speaker_span.text == text[q.speaker_span.start:q.speaker_span.end]
    assert named in q.speaker_span.text


@pytest.mark.model
def test_a_quote_without_a_speaker_has_no_speaker_span(pipeline: Pipeline) -> None:
    q = _quote(_extract(pipeline, "It is widely believed that the dam will hold."),
               "the dam will hold")
    assert q.speaker_id is None and q.speaker_name is None
    assert q.speaker_span is None


@pytest.mark.model
@pytest.mark.parametrize(("text", "words", "speaker"), [
    # The parser hangs the that-clause on the medium noun, not on the verb.
    ("The Defence Ministry said in a statement that two drones were shot down.",
     "two drones were shot down", "Defence Ministry"),
    ("Police said on Twitter that the road was closed.", "the road was closed", "Police"),
])
def test_a_clause_hung_on_the_medium_is_what_was_said(
        pipeline: Pipeline, text: str, words: str, speaker: str) -> None:
    q = _quote(_extract(pipeline, text), words)
    assert q.text == words and q.cue is not None and q.cue.text == "said"
    assert q.speaker_name == speaker


@pytest.mark.model
@pytest.mark.parametrize(("text", "words", "speaker"), [
    # A former member no longer speaks for the group.
    ('"We fought to the end," said a former Isis fighter from the town.',
     "We fought to the end", "former Isis fighter"),
    # "who" hangs on the place phrase; the forces speak.
    ("The claim was disputed by rebels on the ground who said the town had not fallen.",
     "the town had not fallen", "rebels"),
    # An infinitive on a noun names nobody who speaks.
    ("The group now had every incentive to disclose what it knew.", "what it knew", None),
])
def test_speakers_are_people_or_bodies_that_can_speak(
        pipeline: Pipeline, text: str, words: str, speaker: str | None) -> None:
    q = _quote(_extract(pipeline, text), words)
    assert q.speaker_name == speaker


@pytest.mark.model
def test_an_unresolved_pronoun_still_marks_where_the_speaker_is_named(pipeline: Pipeline) -> None:
    # Two women could be "she": no record is chosen, but the words are still the evidence.
    text = ("Mary Okafor met Jane Banda in Tarvel on Monday. "
            '"We will rebuild the school," she said.')
    q = _quote(_extract(pipeline, text), "We will rebuild the school")
    assert q.speaker_span is not None and q.speaker_span.text == "she"
