"""Example SPARQL queries shipped with kg, one ``NAME.rq`` file each.

Each file begins with a comment header: its first line is a title, the
following lines say what the query answers, and a line ``# $param: help``
declares a parameter, written ``$param`` in the query and given on the command
line as ``--param param=VALUE`` (see ``kg.query.bind``). ``# $param@zh: help``
makes the value a literal tagged ``@zh``, as kg writes every label, so that
``?e rdfs:label $name`` is an index lookup rather than a scan with a FILTER.
The files are plain SPARQL with their own PREFIX lines (an unfilled ``$param``
is just a variable), so they also run in any other SPARQL tool.

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

_PARAM = re.compile(r"^#\s*\$(\w+)(?:@([A-Za-z]+(?:-[A-Za-z0-9]+)*))?\s*:\s*(.*)$")


@dataclass(frozen=True)
class Example:
    name: str
    title: str
    description: str
    params: tuple[str, ...]
    param_help: tuple[str, ...]
    text: str
    param_lang: tuple[str | None, ...] = ()

    def bind(self, params: Mapping[str, str]) -> str:
        """The query text with its parameters filled in; every declared parameter must be given."""
        from rdflib import Literal

        from kg.query import bind

        values = dict(params)
        for name, help, lang in zip(self.params, self.param_help, self.param_lang):
            if name not in params:
                raise QueryError(f"the example {self.name!r} needs --param {name}=VALUE ({help})")
            values[name] = Literal(params[name], lang=lang) if lang else params[name]
        return bind(self.text, values)


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
    params, helps, langs, description = [], [], [], []
    for line in header[1:]:
        match = _PARAM.match(line)
        if match:
            params.append(match.group(1))
            langs.append(match.group(2))
            helps.append(match.group(3).strip())
        else:
            description.append(line[1:].strip())
    return Example(name, title, " ".join(d for d in description if d), tuple(params), tuple(helps), text,
                   tuple(langs))
