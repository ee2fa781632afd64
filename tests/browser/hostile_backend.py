"""A reference backend that says hostile things, so that the report shows them as text and runs none of them.

Its name and version contain ``@DATA@`` (the old page substituted the report's JSON there) and markup;
``nn.CosineDecayLR`` raises: with ``max_lr=0.7`` (the golden case ``LRS.CosineDecayLR.values/thirteen``) a
message containing ``<!--<script>`` (which used to swallow the rest of the page); otherwise one with an
``<img onerror>`` that marks the page if it runs, NUL, ESC, a right-to-left override and faked Markdown cells.
Select it with ``--backend tests.browser.hostile_backend:HOSTILE``.
"""
from __future__ import annotations

from optimspec.adapters.reference import ReferenceAdapter

#: runs only if the page lets markup through: the browser check looks for the attribute it sets
IMG_PAYLOAD = "<img src=x onerror=\"document.body.setAttribute('data-pwned','img')\">"
COMMENT_PAYLOAD = "<!--<script>document.body.setAttribute('data-pwned','script')</script>"
#: what a Markdown table must not take for cells, and what a terminal must not take for commands
CELL_PAYLOAD = "| got 1.0 | expected 1.0 |\n| `LR.fake` | passed |"
CONTROL_PAYLOAD = "\x00\x1b[2J\u202e"
NAME = "@DATA@ <b>hostile</b>"
VERSION = "@TITLE@ @DATA@ </title><script>document.body.setAttribute('data-pwned','title')</script>"


class HostileAdapter(ReferenceAdapter):
    name = NAME

    def describe(self):
        return {**super().describe(), "backend": NAME, "version": VERSION}

    def lr_schedule(self, api, args):
        if api == "nn.CosineDecayLR":
            if args.get("max_lr") == 0.7:
                raise ValueError(COMMENT_PAYLOAD)
            raise ValueError(f"{IMG_PAYLOAD} {CONTROL_PAYLOAD} {CELL_PAYLOAD}")
        return super().lr_schedule(api, args)


HOSTILE = HostileAdapter()
