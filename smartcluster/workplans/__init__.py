"""Work plans read from a project idea's text: semesters, their strands' activities and deliverables, and the
numbering defects of the text (Django-free: text in, data out)."""

from smartcluster.workplans.template import (
    STRANDS,
    Activity,
    Defect,
    Deliverable,
    Semester,
    Strand,
    WorkPlanTemplate,
    deliverables_read,
    semesters_read,
    template_data,
    template_from_data,
    template_read,
)

__all__ = ["STRANDS", "Activity", "Defect", "Deliverable", "Semester", "Strand", "WorkPlanTemplate",
           "deliverables_read", "semesters_read", "template_data", "template_from_data", "template_read"]
