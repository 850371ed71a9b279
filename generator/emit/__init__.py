"""Emitters: the intermediate model → output files. They never see markdown."""
