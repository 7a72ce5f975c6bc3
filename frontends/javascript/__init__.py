"""The JavaScript front end: esprima's ESTree lowered to the IR (``lower.py``)."""
