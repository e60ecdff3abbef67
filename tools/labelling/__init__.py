"""Tools for labelling events on real news sentences (issue 19, item 1).

The texts stay in ``../shared``; the repository holds only ids, character offsets and
hashes (``labels/events/pool/``) and the labels themselves (``labels/events/<labeller>/``).
"""
