"""Judging of open innovation challenges without Django: the jury assignment (an exact OR-Tools model) and the
ranking of submissions from jurors' scores, raw and calibrated (shared/methods/matchmaking.md, challenges)."""
