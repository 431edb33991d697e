"""One YAML loader for every file the user did not necessarily write: front matter,
``articles.yaml`` sidecars and ``--places`` files.

PyYAML's ``safe_load`` runs no code, but it still lets a small file cost a lot:

- **Aliases** (``*name``) copy a node by reference; nine levels of them (a "billion laughs",
  under 600 bytes) expand into billions of items when the value is walked or copied. No
  file this project reads needs them, so any alias is an error.
- **Nesting**: the composer and constructor recurse once per level, so 10 KB of ``[``
  ends in ``RecursionError``. Nesting deeper than :data:`MAX_DEPTH` is an error.
- **Dates**: an unquoted ``2024-13-45`` or ``2024-10-14T25:61:00Z`` matches YAML's timestamp
  pattern and then raises ``ValueError``. Such a value is kept as its text, so the caller's
  own date check reports it ("invalid publication date '2024-02-30'") and the rest of the
  file is still read.

Every other failure (bad syntax, an unknown tag, an ``!!int`` that is not a number) is one
:class:`YamlError` whose message says what and where. Strings come back cleaned with
:func:`inputsafe.text.clean_str` (no lone surrogates or control characters).
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import ComposerError

from inputsafe.text import clean_str, clean_value

__all__ = ["MAX_DEPTH", "YamlError", "load_yaml"]

#: Deepest nesting of lists and mappings accepted (a places file's MultiPolygon needs ~8).
MAX_DEPTH = 40


class YamlError(Exception):
    """YAML that could not be read; the message says what is wrong and where."""


class _Loader(yaml.SafeLoader):
    """SafeLoader without aliases, with a nesting limit, and with impossible dates as text."""

    def __init__(self, stream: str) -> None:
        super().__init__(stream)
        self._depth = 0

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise ComposerError(
                None, None, f"aliases (*{event.anchor}) are not allowed", event.start_mark
            )
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                raise ComposerError(
                    None,
                    None,
                    f"nested more than {MAX_DEPTH} levels deep",
                    self.peek_event().start_mark,
                )
            return super().compose_node(parent, index)
        finally:
            self._depth -= 1

    def construct_yaml_timestamp(self, node: yaml.ScalarNode) -> Any:  # type: ignore[override]
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(text: str, *, keys_as_text: bool = False) -> Any:
    """The value of the YAML document ``text`` (``None`` for an empty one), strings cleaned.

    With ``keys_as_text`` the top level must be a mapping, and its keys are kept exactly as
    written (``001`` stays ``"001"``, ``2024-10-16`` stays text): what article ids need.
    Raises :class:`YamlError` for malformed YAML, an alias, nesting deeper than
    :data:`MAX_DEPTH`, a value no safe constructor accepts, or (with ``keys_as_text``) a
    top level that is not a mapping. Never raises anything else for any ``text``.
    """
    try:
        # lone surrogates and control characters become printable first (YAML's reader
        # refuses them at once); whatever else it refuses is a YamlError like the rest
        loader = _Loader(clean_str(text))
    except yaml.YAMLError as exc:
        raise YamlError(_message(exc)) from None
    try:
        node = loader.get_single_node()
        if node is None:
            return {} if keys_as_text else None
        if not keys_as_text:
            return clean_value(loader.construct_document(node))
        if not isinstance(node, yaml.MappingNode):
            kind = "list" if isinstance(node, yaml.SequenceNode) else "single value"
            raise YamlError(f"expected a mapping of keys to values, got a {kind}")
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlError(f"keys must be plain text (line {key_node.start_mark.line + 1})")
            out[key_node.value] = loader.construct_object(value_node, deep=True)
        return clean_value(out)
    except yaml.YAMLError as exc:
        raise YamlError(_message(exc)) from None
    except (ValueError, TypeError, OverflowError, RecursionError) as exc:
        # a safe constructor refusing a value ("!!int abc", "!!float x"); never a traceback
        raise YamlError(f"a value cannot be read: {exc}") from None
    finally:
        loader.dispose()


def _message(exc: yaml.YAMLError) -> str:
    mark = getattr(exc, "problem_mark", None)
    problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
    where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark is not None else ""
    return f"{problem}{where}"
