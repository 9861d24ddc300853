"""Qualitative analysis of interviews, without Django: agreement between coders, code suggestions from text, and
the REFI-QDA codebook exchange format. Works on plain values from a notebook."""
