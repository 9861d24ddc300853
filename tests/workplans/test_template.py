"""The work-plan template read from the project idea's text: the quality bar's counts on the real file, the
numbering defects listed (never renumbered), and the packaged copy equal to what the script derives."""

from __future__ import annotations

import importlib.util
from importlib import resources
from pathlib import Path

import pytest

from conftest import require
from smartcluster.workplans import template_data, template_from_data, template_read

REPO = Path(__file__).resolve().parents[2]
IDEA = REPO.parent / "shared" / "seed" / "project-idea.txt"


@pytest.fixture(scope="module")
def idea() -> str:
    require(IDEA.is_file(), f"the project idea {IDEA} is absent")
    return IDEA.read_text(encoding="utf-8")


def _defects(template, code: str) -> list[tuple[tuple[int, ...], str]]:
    return [(d.semesters, d.message) for d in template.defects if d.code == code]


def test_the_idea_has_eight_semesters_including_the_misspelt_sixth(idea: str) -> None:
    template = template_read(idea)
    assert [s.number for s in template.semesters] == [1, 2, 3, 4, 5, 6, 7, 8]
    assert template.semesters[5].heading == "Semestar 6"
    assert all(set(s.strands) == {"exchange", "communication", "management", "pilot"} for s in template.semesters)


def test_the_idea_names_its_events_and_meetings(idea: str) -> None:
    template = template_read(idea)
    # Counted by reading the text: stakeholder meetings 1st, 2nd, 3nd, 5th, 6th, 7th, 8th (no 4th); steering
    # committees 1st, 2st, 4th, 5th, 6th, 7th (no 3rd); webinars in S5 and S6; online B2B events 1st and 2st.
    assert template.count("peer_review_event") == 3
    assert template.count("interregional_workshop") == 3
    assert template.count("stakeholder_meeting") == 7
    assert template.count("steering_committee") == 6
    assert template.count("webinar") == 2
    assert template.count("online_b2b") == 2
    assert template.count("kick_off") == template.count("final_conference") == template.count("poster") == 1
    assert template.count("press_release") == 8 and template.count("newsletter") == 6
    assert template.count("website_update") == 6 and template.count("good_practice_report") == 2


def test_hosts_topics_and_activities_are_kept_as_written(idea: str) -> None:
    template = template_read(idea)
    hosts = {d.semester: [] for d in template.deliverables}
    for d in template.deliverables:
        if d.host:
            hosts[d.semester].append(d.host)
    assert hosts[2] == ["Business Development agency of Region of Murcia – Spain",
                        "Regional management NordHessen GmbH-Germany"]
    assert hosts[3] == ["WSX-Ireland", "Region of Thessaly"]
    assert hosts[4] == ["PORA Regional development agency of Koprivnica Križevci County", "Pannon EGTC, Hungary"]
    assert template.semesters[1].topic.startswith("Analyse of short and long-term funding structures")
    assert template.semesters[4].topic == "CARRY OUT THE LESSONS LEARNT FROM THE PREVIOUS SEMESTERS"
    assert template.semesters[2].topic.startswith("Smart skills for SMART INDUSTRY (4.0)")
    exchange = template.semesters[0].strands["exchange"]
    assert exchange.activities[-1].text == "Project kick-off meeting in Lithuania"
    report = template.semesters[1].strands["exchange"].activities[3].text
    assert report == "A report on good practices/development developed by each event;"  # export anchor dropped
    assert template.semesters[0].strands["communication"].intro.startswith("Region of Thessaly (Greece)")


def test_numbering_defects_are_listed_with_their_semesters_not_renumbered(idea: str) -> None:
    template = template_read(idea)
    twice = _defects(template, "number_twice")
    missing = _defects(template, "number_missing")
    assert [(s, m.split(" is ")[0]) for s, m in twice] == [
        ((1, 2), "press release no. 1"), ((5, 6), "press release no. 5"), ((5, 6), "newsletter no. 5"),
        ((5, 6), "video (developed) no. 2")]
    assert "S1: “Press release number 1”; S2: “Press release no.1”" in twice[0][1]
    assert sorted(m.split(" is ")[0] for _, m in missing) == [
        "press release no. 2", "stakeholder meeting no. 4", "steering committee no. 3"]
    numbers = [d.number for d in template.deliverables if d.series == "press_release"]
    assert numbers == [1, 1, 3, 4, 5, 5, None, None]  # as written
    assert ((6,), "“Semestar 6” is written for Semester 6.") in _defects(template, "heading_misspelt")


def test_a_semester_heading_alone_on_its_line_with_or_without_colon() -> None:
    text = ("Semester 1\n1.) Exchange of the experience:\n· 1st regional stakeholder groups meeting\n"
            "Semester 2:\n4.) Pilot action: we need to discuss it\nthe semester 3 plan is below\n")
    template = template_read(text)
    assert [s.number for s in template.semesters] == [1, 2]
    assert template.semesters[1].strands["pilot"].activities[0].text == "we need to discuss it"
    assert template.deliverables[0].series == "stakeholder_meeting" and template.deliverables[0].number == 1


def test_text_before_the_first_semester_is_left_out() -> None:
    template = template_read("· Interregional event (Peer Review Event);\n· Press release number 9\n")
    assert template.semesters == [] and template.deliverables == [] and template.defects == []


def test_the_template_survives_its_json_data(idea: str) -> None:
    template = template_read(idea)
    assert template_from_data(template_data(template)) == template


def test_packaged_template_is_exactly_what_the_derivation_script_makes(tmp_path: Path) -> None:
    require(IDEA.is_file(), f"the project idea {IDEA} is absent")
    spec = importlib.util.spec_from_file_location("derive", REPO / "scripts" / "derive_workplan_template.py")
    derive = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(derive)
    derive.main(["derive", str(IDEA), str(tmp_path / "out.json")])
    packaged = resources.files("smartcluster.monitoring") / "data" / "workplan-template.json"
    assert (tmp_path / "out.json").read_text(encoding="utf-8") == packaged.read_text(encoding="utf-8")
