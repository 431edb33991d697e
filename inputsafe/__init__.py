"""Reading files someone else filled: one place for each defence the readers share.

Articles, sidecars, places files and events tables come from scrapes, tips and exports.
``geo``, ``gazetteer`` and ``layers`` all read such files, so the defences live here, below
all three, and each is written once:

- :func:`load_yaml`: YAML without aliases ("billion laughs"), with bounded nesting, and with
  impossible dates kept as their text instead of raising.
- :func:`clean_str` / :func:`clean_value`: no lone surrogates or control characters, so
  every table and page can be written as UTF-8.
- :func:`printable`: a file name or message safe to print on a terminal.
- :func:`inside` / :data:`SITE_MARKER`: the path policy shared by the readers (what a
  folder walk may read) and the site writer (which folder it may replace).

This package imports none of the project's other packages.
"""

from inputsafe.paths import SITE_MARKER, inside
from inputsafe.text import clean_str, clean_value, printable
from inputsafe.yamlsafe import MAX_DEPTH, YamlError, load_yaml

__all__ = [
    "MAX_DEPTH",
    "SITE_MARKER",
    "YamlError",
    "clean_str",
    "clean_value",
    "inside",
    "load_yaml",
    "printable",
]
