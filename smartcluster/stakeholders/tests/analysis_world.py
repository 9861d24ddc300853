"""A hand-made set of interviews and codings for the analysis tests, its counts worked out by hand.

Partner A (Agency A) interviewed Alpha Robotics (SME, EL643; consents to be quoted) and the University of Patras
(EL631; no consent); partner B (Authority B) interviewed Beta Foods (SME, no region; consents). Codes (two coders
of A on Alpha's answer 3):

| interview | answer | editor_a                  | viewer (A)                                  |
| Alpha     | q3     | green-business            | green-business, sustainability-green-circular|
| Alpha     | q4     | barriers-university-sme   |                                             |
| Alpha     | q5     | green-business            |                                             |
| Patras    | q3     |                           | green-business                              |
| Patras    | q4     | (coded: no theme)         |                                             |
| Beta (B)  | q3     | editor_b: green-business, digitalisation                                |

So green-business: business 2 interviews (Alpha, Beta) and 3 answers, academia 1 interview and 1 answer;
by partner A 2 interviews, B 1.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from smartcluster.organisations.models import Organisation, OrganisationType, Person
from smartcluster.organisations.tests.factories import World, build_world
from smartcluster.regions.models import Region
from smartcluster.stakeholders.models import Codebook, Interview, InterviewGuide
from smartcluster.stakeholders.services import answer_coding_load, interview_load

ALPHA_Q3 = ("At Alpha Robotics we want greener production, and Maria Papadopoulou leads it "
            "(maria@alpha.example); Maria says alphabet soup is no green product.")


@dataclass
class AnalysisWorld:
    world: World
    codebook: Codebook
    interviews: dict[str, Interview] = field(default_factory=dict)
    partner_b: Any = None


def region(code: str) -> Region:
    return Region.objects.create(code=code, version=2021, level=len(code) - 2, country=code[:2], name=code)


def build_analysis_world() -> AnalysisWorld:
    """The set described above; the packaged guide v1 and its codebook (stored by the migrations)."""
    world = build_world()
    guide = InterviewGuide.objects.get(version=1)
    alpha = Organisation.objects.create(name="Alpha Robotics", type=OrganisationType.SME, region=region("EL643"))
    patras = Organisation.objects.create(name="University of Patras", type=OrganisationType.UNIVERSITY,
                                         region=region("EL631"))
    beta = Organisation.objects.create(name="Beta Foods", type=OrganisationType.SME)
    maria = Person.objects.create(name="Maria Papadopoulou", email="maria@alpha.example", organisation=alpha)
    partner_b = world.project.partners.get(organisation=world.org_b)
    held = dt.date(2026, 10, 1)

    def interview(partner: Any, organisation: Organisation, consent: bool, answers: dict[int, str],
                  person: Person | None = None) -> Interview:
        return interview_load(partner=partner, guide=guide, organisation=organisation, person=person,
                              interviewer=None, held_on=held, mode="in_person", consent_to_record=True,
                              consent_to_quote=consent, answers=answers)

    built = AnalysisWorld(world, guide.codebook, partner_b=partner_b)
    built.interviews = {
        "alpha": interview(world.partner_a, alpha, True, {3: ALPHA_Q3, 4: "Universities are slow to answer SMEs.",
                                                         5: "We build green products for export."}, maria),
        "patras": interview(world.partner_a, patras, False, {3: "Patras researches circular materials.",
                                                            4: "We have few industrial contacts."}),
        "beta": interview(partner_b, beta, True, {3: "Beta Foods digitises its green packaging line."}),
    }
    editor_a, viewer, editor_b = (world.users[role] for role in ("editor_a", "viewer", "editor_b"))
    codes = [("alpha", 3, editor_a, ["green-business"]),
             ("alpha", 3, viewer, ["green-business", "sustainability-green-circular"]),
             ("alpha", 4, editor_a, ["barriers-university-sme"]), ("alpha", 5, editor_a, ["green-business"]),
             ("patras", 3, viewer, ["green-business"]), ("patras", 4, editor_a, []),
             ("beta", 3, editor_b, ["green-business", "digitalisation"])]
    for name, number, coder, themes in codes:
        answer = built.interviews[name].answers.get(question__number=number)
        answer_coding_load(answer=answer, coder=coder, themes=themes)
    return built
