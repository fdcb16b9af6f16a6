"""The statutory targets of social rehabilitation: PP 39/2012 Pasal 6, letter by letter.

PP 39/2012 Pasal 6 ayat (1) lists seventeen kinds of person (huruf a to q) to whom social
rehabilitation is given; ayat (2) leaves anyone else to the Minister. The regulation has been in
force since 5 March 2012 and no ATENSI regulation can narrow it, so atensi treats it as the
*floor* beneath every edition (see :mod:`atensi.law`): a person in one of these groups is a
target of social rehabilitation on any date since then, whatever the ATENSI edition of the day
lists. This table maps each letter to atensi's target groups, and through them to a target and
a cluster; the generated documentation prints it.

The wording is PP 39/2012's, which predates UU 8/2016: "penyandang cacat" is today's
"penyandang disabilitas", and "cacat mental" covered both mental and intellectual disability.

>>> from atensi.vocab.statutory import PP39_ARTICLE_6, letters_of
>>> len(PP39_ARTICLE_6)
17
>>> [row.letter for row in PP39_ARTICLE_6 if row.letter in "gq"]
['g', 'q']
>>> from atensi.vocab import Target
>>> letters_of(Target.DISASTER_VICTIMS)
('n',)
"""

from __future__ import annotations

from typing import NamedTuple

from atensi.vocab._base import Citation, Evidence, Label, cite
from atensi.vocab.clusters import Target
from atensi.vocab.groups import DisabilityType, TargetGroup

__all__ = ["PP39_ARTICLE_6", "StatutoryTarget", "floor_citation", "letters_of"]


class StatutoryTarget(NamedTuple):
    """One letter of PP 39/2012 Pasal 6 ayat (1) and the atensi groups that record it.

    Attributes:
        letter: the letter (``"a"`` to ``"q"``).
        wording: the Indonesian wording of the regulation.
        en: an English rendering.
        groups: the target groups an assessment records it with.
        disability_types: for the disability letters, the UU 8/2016 types they cover.
        note: how the mapping was made, where it is atensi's own reading.
    """

    letter: str
    wording: str
    en: str
    groups: tuple[TargetGroup, ...]
    disability_types: tuple[DisabilityType, ...] = ()
    note: Label | None = None

    @property
    def citation(self) -> Citation:
        """The letter's citation (verified: read in the regulation's text)."""
        return cite(
            "pp-39-2012",
            f"Pasal 6 ayat (1) huruf {self.letter}",
            Evidence.VERIFIED,
            None,
        )

    @property
    def targets(self) -> tuple[Target, ...]:
        """The targets of the groups, without repeats."""
        return tuple(dict.fromkeys(g.target for g in self.groups))


G = TargetGroup
D = DisabilityType
_CONVENTION_DISABILITY = Label(
    "Penjelasan: 'penyandang cacat' berarti 'penyandang disabilitas'; ragam menurut UU 8/2016 "
    "dicatat pada disabilitas orang itu.",
    "The elucidation reads 'penyandang cacat' as 'penyandang disabilitas'; the UU 8/2016 type "
    "is recorded on the person's disabilities.",
)

#: PP 39/2012 Pasal 6 ayat (1), huruf a to q, in legal order.
PP39_ARTICLE_6: tuple[StatutoryTarget, ...] = (
    StatutoryTarget(
        "a",
        "penyandang cacat fisik",
        "persons with a physical disability",
        (G.PERSON_WITH_DISABILITY, G.CHILD_WITH_DISABILITY),
        (D.PHYSICAL,),
        _CONVENTION_DISABILITY,
    ),
    StatutoryTarget(
        "b",
        "penyandang cacat mental",
        "persons with a mental disability",
        (G.PERSON_WITH_DISABILITY, G.CHILD_WITH_DISABILITY),
        (D.MENTAL, D.INTELLECTUAL),
        _CONVENTION_DISABILITY,
    ),
    StatutoryTarget(
        "c",
        "penyandang cacat fisik dan mental",
        "persons with both a physical and a mental disability",
        (G.PERSON_WITH_DISABILITY, G.CHILD_WITH_DISABILITY),
        (D.PHYSICAL, D.MENTAL, D.INTELLECTUAL),
        Label(
            "Disabilitas ganda atau multi (UU 8/2016 Pasal 4 ayat (2)).",
            "A dual or multiple disability (UU 8/2016 Pasal 4 ayat (2)).",
        ),
    ),
    StatutoryTarget("d", "tuna susila", "persons in sex work", (G.SEX_WORKER,)),
    StatutoryTarget("e", "gelandangan", "homeless persons", (G.HOMELESS,)),
    StatutoryTarget("f", "pengemis", "beggars", (G.BEGGAR,)),
    StatutoryTarget(
        "g",
        "eks penderita penyakit kronis",
        "former chronic-disease patients",
        (G.FORMER_CHRONIC_PATIENT,),
        note=Label(
            "Tidak ada klaster PROGRES yang menyebutnya; atensi memasukkannya ke PPKS lainnya.",
            "No PROGRES cluster names it; atensi files it under other PPKS (its convention).",
        ),
    ),
    StatutoryTarget("h", "eks narapidana", "former prisoners", (G.FORMER_PRISONER,)),
    StatutoryTarget(
        "i", "eks pencandu narkotika", "former narcotics addicts", (G.FORMER_NARCOTICS_ADDICT,)
    ),
    StatutoryTarget(
        "j",
        "eks psikotik",
        "former psychotic patients",
        (G.FORMER_PSYCHOTIC,),
        note=Label(
            "Dipetakan ke klaster disabilitas (disabilitas mental) oleh konvensi atensi.",
            "Mapped to the disability cluster (mental disability) by atensi's convention.",
        ),
    ),
    StatutoryTarget(
        "k",
        "pengguna psikotropika sindroma ketergantungan",
        "psychotropic users with dependence syndrome",
        (G.DEPENDENT_PSYCHOTROPIC_USER,),
    ),
    StatutoryTarget(
        "l",
        "orang dengan HIV/AIDS",
        "persons with HIV/AIDS",
        (G.PERSON_WITH_HIV, G.CHILD_WITH_HIV),
        note=Label(
            "Di klaster tuna sosial (direktorat TS-KPO, sekunder); anak di klaster anak.",
            "In the tuna sosial cluster (the TS-KPO directorate, secondary); children in the "
            "children's cluster.",
        ),
    ),
    StatutoryTarget(
        "m",
        "korban tindak kekerasan",
        "victims of violence",
        (G.VIOLENCE_VICTIM, G.CHILD_VIOLENCE_VICTIM),
    ),
    StatutoryTarget(
        "n",
        "korban bencana",
        "disaster victims",
        (G.NATURAL_DISASTER_VICTIM, G.SOCIAL_DISASTER_VICTIM, G.OTHER_DISASTER_VICTIM),
        note=Label(
            "Pembagian alam/sosial mengikuti Permensos 8/2012, 'bencana lain yang ditetapkan "
            "pemerintah' Permensos 7/2021 (sekunder).",
            "The natural/social split follows Permensos 8/2012, 'other disasters designated by "
            "the government' Permensos 7/2021 (secondary).",
        ),
    ),
    StatutoryTarget(
        "o",
        "korban perdagangan orang",
        "victims of human trafficking",
        (G.TRAFFICKING_VICTIM, G.CHILD_ABDUCTION_OR_TRAFFICKING_VICTIM),
    ),
    StatutoryTarget("p", "anak terlantar", "neglected children", (G.NEGLECTED_CHILD,)),
    StatutoryTarget(
        "q",
        "anak dengan kebutuhan khusus",
        "children with special needs",
        (G.CHILD_WITH_SPECIAL_NEEDS,),
        note=Label(
            "Penjelasan: antara lain anak yang hiperaktif, anak berbakat, dan anak autis.",
            "The elucidation: among others hyperactive, gifted and autistic children.",
        ),
    ),
)

#: PP 39/2012 Pasal 6 ayat (2): rehabilitation for anyone else is set by the Minister.
OTHERS_BY_THE_MINISTER = cite(
    "pp-39-2012",
    "Pasal 6 ayat (2)",
    Evidence.VERIFIED,
    None,
    "rehabilitation for persons beyond ayat (1) is set by the Minister",
)

_LETTERS: dict[Target, tuple[str, ...]] = {}
for _row in PP39_ARTICLE_6:
    for _target in _row.targets:
        _LETTERS[_target] = (*_LETTERS.get(_target, ()), _row.letter)


def letters_of(target: Target) -> tuple[str, ...]:
    """The letters of PP 39/2012 Pasal 6 ayat (1) whose groups belong to ``target``."""
    return _LETTERS.get(target, ())


def floor_citation(target: Target) -> Citation | None:
    """The PP 39/2012 Pasal 6 citation that makes ``target`` a statutory target, if any.

    >>> print(floor_citation(Target.DISASTER_VICTIMS))
    PP 39/2012 Pasal 6 ayat (1) huruf n [verified]
    >>> floor_citation(Target.ELDERLY) is None
    True
    """
    letters = letters_of(target)
    if target is Target.OTHER_PPKS:
        return cite(
            "pp-39-2012",
            f"Pasal 6 ayat (1) huruf {', '.join(letters)}; ayat (2)",
            Evidence.VERIFIED,
            None,
        )
    if not letters:
        return None
    return cite(
        "pp-39-2012",
        f"Pasal 6 ayat (1) huruf {', '.join(letters)}",
        Evidence.VERIFIED,
        None,
    )
