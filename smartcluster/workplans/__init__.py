"""Work plans read from a project idea's text: semesters, their strands' activities and deliverables, and the
numbering defects of the text (Django-free: text in, data out)."""
