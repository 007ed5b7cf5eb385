"""Example SPARQL queries shipped with kg, one ``NAME.rq`` file each.

Each file begins with a comment header: its first line is a title, the
following lines say what the query answers, and a line ``# $param: help``
declares a parameter, written ``$param`` in the query and given on the command
line as ``--param param=VALUE`` (see ``kg.query.bind``). The files are plain
SPARQL with their own PREFIX lines, so they also run in any other SPARQL tool.

>>> "companies-per-park" in examples()
True
>>> example("entity-facts").params
('name',)
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from importlib import resources

from kg.errors import QueryError

__all__ = ["Example", "examples", "example"]

_PARAM = re.compile(r"^#\s*\$(\w+)\s*:\s*(.*)$")


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    params: tuple[str, ...]
    param_help: tuple[str, ...]
    text: str

    def bind(self, params: Mapping[str, str]) -> str:
        """The query text with its parameters filled in; every declared parameter must be given."""
        from kg.query import bind

        for name, help in zip(self.params, self.param_help):
            if name not in params:
                raise QueryError(f"the example {self.name!r} needs --param {name}=VALUE ({help})")
        return bind(self.text, params)


@functools.lru_cache(maxsize=1)
def examples() -> dict[str, Example]:
    """Every example query by name, sorted by name."""
    found = {}
    for entry in sorted(resources.files(__name__).iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[: -len(".rq")]
            found[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return found


def example(name: str) -> Example:
    try:
        return examples()[name]
    except KeyError:
        raise QueryError(f"no example query named {name!r}; 'kg query --list' lists them: "
                         + ", ".join(examples())) from None


def _parse(name: str, text: str) -> Example:
    header = []
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        header.append(line)
    title = header[0].lstrip("# ").strip() if header else name
    params, helps, description = [], [], []
    for line in header[1:]:
        match = _PARAM.match(line)
        if match:
            params.append(match.group(1))
            helps.append(match.group(2).strip())
        else:
            description.append(line[1:].strip())
    return Example(name, title, " ".join(d for d in description if d), tuple(params), tuple(helps), text)
