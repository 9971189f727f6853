"""The English sentiment lexicon: words and phrases of customer comments, lower case.

Unknown words fall back to a base form (``rudely`` → ``rude``, ``crashing`` → ``crash``,
``tastier`` → ``tasty``).
"""

from __future__ import annotations

from collections.abc import Iterator

from .lexicon import Lexicon, join_phrases, valences, words_of

__all__ = ["ENGLISH"]

_WORDS: dict[str, float] = {
    # value, and praise that a turn ("until you see…") takes back
    **valences(
        """
        justifies=1.5 justified=1.5 justify=1.5 so_well=2 until_you_see=-2.5 until_you_get=-2.5
        until_you_try=-2.5
        """
    ),
    # positive adjectives and adverbs
    **valences(
        """
        good=1.9 better=1.9 best=3 great=3 excellent=3.2 superb=3.2 fantastic=3.2 wonderful=3.2
        amazing=3 awesome=3 brilliant=3 perfect=3 ideal=2.5 outstanding=3.2 exceptional=3.2
        incredible=2.8 lovely=2.8 nice=1.8 pleasant=2 friendly=2.2 kind=2 polite=2 helpful=2.2
        attentive=2 welcoming=2.2 warm=1.5 charming=2.2 cheerful=2 courteous=2 professional=2
        quick=1.6 fast=1.6 speedy=1.8 prompt=1.8 efficient=2 punctual=2 clean=1.8 spotless=2.8
        tidy=1.5 cosy=2.2 cozy=2.2 comfortable=2 calm=1.5 quiet=1 relaxed=1.5 relaxing=1.8
        delicious=3 tasty=2.5 yummy=2.5 gorgeous=3 beautiful=2.8 fresh=1.2 smooth=1.5 rich=1.2
        recommended=2 happy=2.5 pleased=2.3 satisfied=2.3 delighted=3 impressed=2.5
        impressive=2.5 easy=1.5 simple=1 intuitive=2 convenient=2 handy=1.5 useful=1.5
        reasonable=1.5 fair=1.2 affordable=1.5 cheap=0.8 generous=2 decent=1.5 solid=1.2
        reliable=2 accurate=1.5 painless=2 seamless=2.2 flawless=3 unbeatable=3.2 fab=2.8
        fabulous=3 terrific=3 stellar=3 top=1.5 favourite=2.5 favorite=2.5 sturdy=1.5 gem=2.8
        star=2 bargain=2.2 fine=0.8 ok=0.3 okay=0.3 alright=0.5 well=0.5 thanks=1.5 thank=1.5
        cheers=1.2 wow=2 enjoyed=2.5 enjoy=2 love=3 loved=3 loves=3 adore=3 recommend=2.3
        like=1.5 liked=1.8 likes=1.5 appreciate=2 appreciated=2 fixed=1.5 sorted=1.8 solved=1.8
        resolved=1.8 helped=1.5 pleasure=2.5 warmth=2 smile=1.5 smiling=1.5 perfectly=3
        brilliantly=3 beautifully=2.8 killer=2 unreal=1.5 improved=1.5 worth=1.8 win=1.5 clear=1
        welcome=1.5
        """
    ),
    # negative adjectives and adverbs
    **valences(
        """
        bad=-2.5 worse=-2.5 worst=-3.5 poor=-2.3 awful=-3.2 terrible=-3.2 horrible=-3.2
        dreadful=-3.2 appalling=-3.5 atrocious=-3.5 abysmal=-3.5 shocking=-2.8 shockingly=-2
        disgusting=-3.2 disgraceful=-3.2 shameful=-3 pathetic=-3 ridiculous=-2.5 useless=-2.8
        disappointing=-2.8 disappointed=-2.8 unacceptable=-3.2 rude=-2.8 rudely=-2.8
        unfriendly=-2.5 impolite=-2.5 unhelpful=-2.5 unprofessional=-2.5 unwelcoming=-2.3
        dismissive=-2.2 grumpy=-2.2 arrogant=-2.5 sarcastic=-1.5 slow=-2 late=-1.5
        expensive=-1.8 overpriced=-2.5 pricey=-1.2 steep=-1.2 dirty=-2.5 filthy=-3 sticky=-1.8
        smelly=-2.2 broken=-2.5 faulty=-2.5 damaged=-2.5 crushed=-2 wet=-1.2 soaking=-1 wrong=-2
        cold=-1.2 lukewarm=-1.8 watery=-2 weak=-1.5 burnt=-2 burned=-2 bitter=-1.2 sour=-2
        stale=-2.5 soggy=-2 dry=-1.2 bland=-1.8 tasteless=-2 undrinkable=-3 inedible=-3 off=0
        noisy=-2 loud=-1.2 crowded=-1.2 cramped=-1.8 uncomfortable=-2 freezing=-1.8
        confusing=-1.5 complicated=-1.5 difficult=-1.5 impossible=-2.5 annoying=-2.2
        annoyed=-2.2 frustrating=-2.5 frustrated=-2.5 angry=-2.8 furious=-3.2 upset=-2.3
        unhappy=-2.5 sad=-1.8 missing=-1.8 lost=-2 invalid=-1.5 buggy=-2.2 clunky=-1.8
        mediocre=-2 average=-0.3 meh=-1 cheeky=-1.5 outrageous=-3 silly=-1.5 shambles=-3 joke=-2
        nightmare=-3 disaster=-3 chaos=-2.5 mess=-2.2 rubbish=-2.8 crap=-3 problem=-1.5
        problems=-1.5 issue=-1.2 issues=-1.2 complaint=-1.5 complaints=-1.5 fault=-1.5
        error=-1.8 errors=-1.8 bug=-1.5 crash=-2 crashes=-2 crashing=-2 crashed=-2 delay=-2
        delays=-2 delayed=-2 hassle=-2 fuss=-1 waste=-2.5 scam=-3.5 disappointment=-2.8 shame=-2
        eternity=-2.5 forever=-1.5 ages=-1.5 unbearable=-3 unbearably=-2 unpleasant=-2.5
        chipped=-2 ripped=-2 burst=-2 torn=-2 tear=-1 leaked=-2 overflowing=-2 hate=-3 hated=-3
        awkward=-1.5 mistake=-1.8 refused=-2 ignored=-2.5 shouted=-2.5 yelled=-2.5 complain=-1.5
        complained=-1.5 wait=-1 waited=-0.8 waiting=-1 queued=-0.8 stank=-2.8 stinks=-2.8
        blaring=-2 understaffed=-2 sadly=-1.5 unfortunately=-1.5 die=-1 died=-2 dead=-1.5
        down=-0.8 rip=-1 robbery=-3 overcharged=-2.5 sloppy=-2.2 careless=-2.2 inedibly=-2.5
        speechless=-1 chaotic=-2.2 unreliable=-2.5 stressful=-2.2 endless=-2 reject=-2
        rejects=-2 rejected=-2 makes_no_sense=-2.2 no_sense=-2 looks_nothing_like=-2
        nothing_like_the=-1.5 never_ending=-2
        """
    ),
    # phrases
    **valences(
        """
        to_die_for=3 top_notch=3 spot_on=2.5 worth_it=2.5 worth_the_wait=2.5 value_for_money=1.5
        good_value=2.2 great_value=2.8 rip_off=-3 daylight_robbery=-3 let_down=-2.5
        thanks_for_nothing=-3 couldn't_care_less=-3 could_not_care_less=-3 couldnt_care_less=-3
        can't_fault=3 cant_fault=3 cannot_fault=3 can't_complain=2 cant_complain=2
        cannot_complain=2 no_complaints=2 couldn't_be_happier=3.2 could_not_be_happier=3.2
        couldnt_be_happier=3.2 couldn't_be_better=3.2 can't_recommend_enough=3.2
        cant_recommend_enough=3.2 nothing_special=-0.5 nothing_to_write_home_about=-0.5
        out_of_date=-2 past_its_best=-2 above_and_beyond=3 out_of_their_way=2.5
        out_of_her_way=2.5 out_of_his_way=2.5 made_up_for=2 makes_up_for=2 make_up_for=2
        in_no_time=2 no_problem=1.5 no_problems=1.5 never_again=-3 gave_up=-2 give_up=-2
        hung_up=-2.5 rolled_her_eyes=-2.5 rolled_his_eyes=-2.5 rolled_their_eyes=-2.5
        dirty_looks=-2.5 told_off=-2.2 hands_down=1.5 feel_at_home=2.5 at_home=1 looked_after=2
        on_time=1.5 well_made=2 well_packed=1.8 well_done=2 a_pleasure=2.5 nice_touch=2.5
        piping_hot=1.5 ten_out_of_ten=3 10_out_of_10=3 five_stars=3 one_star=-2.5 zero_stars=-3
        second_to_none=3 cheap_and_cheerful=2 for_ages=-2 took_ages=-2.5 took_forever=-2.5
        a_joke=-2.5 not_great=-1.8 not_good=-2 not_the_best=-1.5 no_thanks=-1 bad_mood=-2.5
        good_morning=0 good_afternoon=0 good_evening=0 well_worth=2.5 went_wrong=-2 way_too=1.4
        far_too=1.4 not_worth=-2.3 fell_apart=-2.5 falls_apart=-2.5 all_good=2 as_good_as=1
        best_before=0 goes_off=-1.5 gone_off=-2 tasted_off=-2 smelled_off=-2 was_off=-1.8
        every_bit_as_good=2.5 the_best=3
        """
    ),
}

_NEGATORS = frozenset(
    words_of(
        """
    not no never nothing nobody none neither nor without hardly barely cannot n't
    don't doesn't didn't isn't wasn't weren't aren't won't can't couldn't wouldn't shouldn't
    hasn't haven't hadn't ain't dont doesnt didnt isnt wasnt werent arent wont cant couldnt
    wouldnt shouldnt hasnt havent hadnt nowhere no_one
    """
    )
)
_BOOSTERS: dict[str, float] = {
    **valences(
        """
        very=1.3 really=1.3 so=1.3 extremely=1.5 super=1.4 totally=1.3 absolutely=1.4
        incredibly=1.4 increadibly=1.4 too=1.3 way_too=1.4 far_too=1.4 seriously=1.3 truly=1.3
        genuinely=1.3 utterly=1.4 completely=1.3 highly=1.3 such=1.2 especially=1.2
        particularly=1.2 much=1.2 even=1.1 still=1.2 always=1.1 quite=1.1 pretty=1.1
        properly=1.2 painfully=1.4 ridiculously=1.4 insanely=1.4 consistently=1.2 definitely=1.2
        a_bit=0.6 a_little=0.6 bit_of=0.6 slightly=0.6 somewhat=0.7 kind_of=0.7 sort_of=0.7
        a_tad=0.6 fairly=0.8 rather=0.9 almost=0.8 relatively=0.7 a_touch=0.6 bit=0.6 little=0.7
        """
    ),
}
_ADVERSATIVES = words_of(
    """
    but however though although even_though nevertheless that_said except mind_you
    until_you_see until_you_get until_you_try
    """
)
_CONCESSIVES = words_of("although though even_though despite while whilst in_spite_of")
_EXPECTED = frozenset(
    words_of(
        """
    arrive arrives arrived arriving arrival came come comes turn_up turned_up show_up
    showed_up work works worked working answer answers answered answering reply replies
    replied respond responds responded response help helps load loads loaded apply applies
    applied let lets accept accepts accepted update updates updated updating open opens
    acknowledged acknowledge knock knocking knocked exist exists sit seat seats serve served
    serving call called ring rang refund refunded sign understand understands understood
    hello goodbye hi good_morning thanks thank_you find found
    """
    )
)
_HEDGES = words_of(
    """
    usually normally generally sometimes tends to_be_expected that's_normal thats_normal
    which_is_normal nothing_more i_guess suppose
    """
)
_SUGGESTIONS = words_of(
    """
    would_be_nice would_be_great would_be_good would_be_perfect would_be_handy
    would_be_lovely it'd_be itd_be could_you you_could i_wish would_love should_add
    please_add would_it_be_possible it_would_be would_be_helpful would_be_ideal
    any_plans
    """
)
_IRONIC_OPENERS = words_of(
    """
    great brilliant fantastic perfect wonderful amazing lovely oh_good oh_great
    just_great thanks thank_you excellent superb awesome nice_one well_done marvellous
    splendid fab cheers
    """
)
_IRONIC_CUES = words_of(
    """
    again another twice three_times oh_wait once_again yet_again only_took
    """
)
_SARCASTIC_LOVERS = words_of(
    """
    love_having_to love_how just_love love_that love_it_when really_love_how adore_how
    """
)
_REPETITION = words_of(
    """
    every_single every_morning every_week every_time every_single_time each_time again
    yet_again once_again every_day always
    """
)
_WAIT = frozenset(
    words_of(
        """
    wait waited waiting waits queue queued queuing queueing hold on_hold took take takes
    taking still since later late delay delayed been after spent
    """
    )
)
_FAST = words_of("in within under than in_under in_just")
_NUMBERS: dict[str, float] = {
    **valences(
        """
        a=1 an=1 one=1 two=2 three=3 four=4 five=5 six=6 seven=7 eight=8 nine=9 ten=10
        fifteen=15 twenty=20 thirty=30 forty=40 fifty=50 sixty=60 half=0.5 several=3 few=3
        couple=2
        """
    ),
}
_UNITS: dict[str, float] = {
    **valences(
        """
        minute=1 minutes=1 min=1 mins=1 hour=60 hours=60 hr=60 hrs=60 day=1440 days=1440
        week=10080 weeks=10080 fortnight=20160 month=43200 months=43200
        """
    ),
}


def _stem(word: str) -> Iterator[tuple[str, float]]:
    """Base forms of an unknown English word (plural, past, -ing, -ly, comparatives)."""
    for ending, replacements in (
        ("ily", ("y",)), ("ly", ("", "le", "e")), ("ier", ("y",)), ("iest", ("y",)),
        ("ied", ("y",)), ("ies", ("y",)), ("ing", ("", "e")), ("ed", ("", "e")),
        ("er", ("", "e")), ("est", ("", "e")), ("es", ("", "e")), ("s", ("",)),
    ):  # fmt: skip
        if word.endswith(ending) and len(word) > len(ending) + 2:
            for replacement in replacements:
                yield word[: -len(ending)] + replacement, 1.0
                if ending in ("ing", "ed", "er", "est") and len(word) > len(ending) + 3:
                    stem = word[: -len(ending)]
                    if stem[-1] == stem[-2]:  # stopped → stop
                        yield stem[:-1], 1.0


_LOVERS_VALENCE = dict.fromkeys(_SARCASTIC_LOVERS, 3.0)
"""A sarcastic "love" is praise until a cue turns it."""


def _build() -> Lexicon:
    rule_words = (
        set(_WORDS)
        | words_of("so_well as_good")
        | set(_BOOSTERS)
        | _ADVERSATIVES
        | _CONCESSIVES
        | _HEDGES
        | _SUGGESTIONS
        | _IRONIC_OPENERS
        | _IRONIC_CUES
        | _SARCASTIC_LOVERS
        | _REPETITION
        | _WAIT
        | _EXPECTED
        | _NEGATORS
        | _FAST
    )
    return Lexicon(
        language="en",
        words={**_WORDS, **_LOVERS_VALENCE},
        phrases=join_phrases(w.replace("_", " ") for w in rule_words if "_" in w),
        negators=_NEGATORS,
        boosters=_BOOSTERS,
        adversatives=_ADVERSATIVES,
        concessives=_CONCESSIVES,
        expected=_EXPECTED,
        excess=words_of("too way_too far_too"),
        hedges=_HEDGES,
        suggestions=_SUGGESTIONS,
        ironic_openers=_IRONIC_OPENERS,
        ironic_cues=_IRONIC_CUES,
        sarcastic_lovers=_SARCASTIC_LOVERS,
        repetition=_REPETITION,
        wait_words=_WAIT,
        fast_markers=_FAST,
        for_words=words_of("for to"),
        transparent=words_of(
            """
            it i we you they he she have has had been be was were is are am i've we've
            they've it's i'm we're they're the a an do does did get got
            """
        ),
        numbers=_NUMBERS,
        time_units=_UNITS,
        long_waits=words_of("ages eternity an_eternity forever"),
        expectations=words_of(
            """
    expect expected expecting would_expect should should_have deserve deserved
    """
        ),
        comparatives=words_of("better more"),
        unmatched=words_of("so_well better cheaper nicer faster friendlier tastier as_good"),
        needs_before={
            "like": words_of(
                """
    i we really do did would you'll i'd we'd they definitely also still i'll don't
    didn't dont didnt not doesn't doesnt honestly just
    """
            ),
        },
        stem=_stem,
    )


ENGLISH = _build()
"""The English lexicon."""
