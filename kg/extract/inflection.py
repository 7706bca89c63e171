"""English inflection for the lexicon: the forms of a verb or noun lemma.

Regular rules plus a table of irregular verbs; where a rule is unsure (doubling a final
consonant) both spellings are produced, which costs nothing when matching text.
"""

from __future__ import annotations

_VOWELS = set("aeiou")


def _cvc(word: str) -> bool:
    return (len(word) >= 3 and word[-1] not in _VOWELS | {"w", "x", "y"}
            and word[-2] in _VOWELS and word[-3] not in _VOWELS)


def third_person(verb: str) -> str:
    if verb.endswith(("s", "x", "z", "ch", "sh", "o")):
        return verb + "es"
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return verb[:-1] + "ies"
    return verb + "s"


def past_forms(verb: str) -> set[str]:
    if verb.endswith("e"):
        return {verb + "d"}
    if verb.endswith("y") and len(verb) > 1 and verb[-2] not in _VOWELS:
        return {verb[:-1] + "ied"}
    forms = {verb + "ed"}
    if _cvc(verb):
        forms.add(verb + verb[-1] + "ed")
    return forms


def gerund_forms(verb: str) -> set[str]:
    if verb.endswith("ie"):
        return {verb[:-2] + "ying"}
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and len(verb) > 2:
        return {verb[:-1] + "ing"}
    forms = {verb + "ing"}
    if _cvc(verb):
        forms.add(verb + verb[-1] + "ing")
    return forms


def verb_forms(verb: str, irregular: dict[str, tuple[str, str]] | None = None) -> set[str]:
    """Every form of ``verb``: base, 3rd person, past, participle, gerund."""
    forms = {verb, third_person(verb)} | gerund_forms(verb)
    if irregular and verb in irregular:
        forms.update(irregular[verb])
    else:
        forms |= past_forms(verb)
    return forms


def noun_forms(noun: str) -> set[str]:
    """Singular and plural of ``noun``."""
    if noun.endswith(("s", "x", "z", "ch", "sh")):
        return {noun, noun + "es"}
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in _VOWELS:
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


def phrase_forms(phrase: str, pos: str, irregular: dict[str, tuple[str, str]] | None = None
                 ) -> set[tuple[str, ...]]:
    """Word tuples of a lemma phrase: verbs inflect the first word, nouns the last."""
    words = tuple(phrase.lower().split())
    if pos == "v":
        return {(f,) + words[1:] for f in verb_forms(words[0], irregular)}
    if pos == "n":
        return {words[:-1] + (f,) for f in noun_forms(words[-1])}
    return {words}


def is_participle_or_gerund(form: str, lemma: str,
                            irregular: dict[str, tuple[str, str]] | None = None) -> bool:
    """True for -ed/-ing forms (and irregular pasts) of ``lemma``."""
    if form == lemma:
        return False
    if irregular and lemma in irregular and form in irregular[lemma]:
        return True
    return form.endswith(("ed", "ing")) or form.endswith("en")


def looks_plural(word: str) -> bool:
    """Ends like a regular plural ("candidates", "Scientists"; not "press", "census", "crisis")."""
    return len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is"))
