"""Read ``journey.yaml`` into a :class:`JourneyMap`, with file:line:column on every problem."""

from __future__ import annotations

import types
import typing
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError, YAMLError

from ..errors import MapError, MapIssue, did_you_mean
from .models import FORMAT_VERSION, JourneyMap
from .validate import Problem, problems

__all__ = ["check_map", "load_map", "parse_map"]

Loc = tuple[str | int, ...]


def load_map(path: str | Path) -> JourneyMap:
    """Read, parse and validate a journey map file; raise :class:`MapError` listing problems."""
    file = Path(path)
    try:
        text = file.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise MapError(
            [MapIssue("file not found; create one with `recorrido init`", file=str(file))]
        ) from None
    except (OSError, UnicodeDecodeError) as error:
        raise MapError([MapIssue(f"cannot read the file: {error}", file=str(file))]) from None
    return parse_map(text, filename=str(file))


def parse_map(text: str, *, filename: str = "journey.yaml") -> JourneyMap:
    """Parse and validate the text of a journey map."""
    document = _load_yaml(text, filename)
    if not isinstance(document, CommentedMap):
        raise MapError(
            [MapIssue("the document must be a mapping with version, meta, stages…", file=filename)]
        )
    locator = _Locator(document, text, filename)
    version = document.get("version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        raise MapError(
            [
                locator.issue(
                    ("version",),
                    f"this file uses format version {version}; this Recorrido reads version "
                    f"{FORMAT_VERSION}: upgrade Recorrido (pip install -U recorrido)",
                    "map_version_unsupported",
                )
            ]
        )
    try:
        journey = JourneyMap.model_validate(document)
    except ValidationError as error:
        raise MapError(
            [locator.pydantic_issue(e) for e in error.errors(include_url=False)]
        ) from None
    found = problems(journey)
    if found:
        raise MapError([locator.problem_issue(p) for p in found])
    return journey


def check_map(journey: JourneyMap) -> JourneyMap:
    """Validate the cross references of a map built in Python (no file positions)."""
    found = problems(journey)
    if found:
        raise MapError(
            [MapIssue(p.message, path=_dotted(p.path), code=p.code, file="<map>") for p in found]
        )
    return journey


def _load_yaml(text: str, filename: str) -> Any:
    yaml = YAML(typ="rt")
    yaml.preserve_quotes = True
    try:
        return yaml.load(text)
    except MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problem = error.problem or error.context or "YAML syntax error"
        raise MapError(
            [
                MapIssue(
                    f"YAML syntax error: {problem}; check indentation, colons and quotes",
                    line=mark.line + 1 if mark else None,
                    column=mark.column + 1 if mark else None,
                    file=filename,
                    code="map_yaml_syntax",
                )
            ]
        ) from None
    except YAMLError as error:
        raise MapError(
            [MapIssue(f"YAML error: {error}", file=filename, code="map_yaml_syntax")]
        ) from None


def _dotted(loc: Loc) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


class _Locator:
    """Finds the line and column of a path in the parsed YAML document."""

    def __init__(self, document: CommentedMap, text: str, filename: str) -> None:
        self.document = document
        self.lines = text.splitlines()
        self.filename = filename

    def position(self, loc: Loc, *, key: bool = False) -> tuple[int | None, int | None]:
        node: Any = self.document
        line, column = 0, 0
        for depth, part in enumerate(loc):
            last = depth == len(loc) - 1
            if isinstance(node, CommentedMap) and part in node:
                line, column = node.lc.key(part) if (key and last) else node.lc.value(part)
                node = node[part]
            elif isinstance(node, CommentedSeq) and isinstance(part, int) and part < len(node):
                line, column = node.lc.item(part)
                node = node[part]
            else:
                break
        return line + 1, column + 1

    def issue(self, loc: Loc, message: str, code: str, *, key: bool = False) -> MapIssue:
        line, column = self.position(loc, key=key)
        return MapIssue(message, _dotted(loc), line, column, self.filename, code)

    def problem_issue(self, problem: Problem) -> MapIssue:
        line, column = self.position(problem.path)
        if problem.offset is not None and line is not None and column is not None:
            raw = self.lines[line - 1] if line - 1 < len(self.lines) else ""
            quoted = column - 1 < len(raw) and raw[column - 1] in "\"'"
            column += problem.offset + (1 if quoted else 0)
        return MapIssue(
            problem.message, _dotted(problem.path), line, column, self.filename, problem.code
        )

    def pydantic_issue(self, error: Any) -> MapIssue:
        loc: Loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and "[" in p))
        kind = error["type"]
        if kind == "extra_forbidden":
            name = str(loc[-1])
            valid = _fields_at(JourneyMap, loc[:-1])
            message = f"unknown key '{name}'{did_you_mean(name, valid)}"
            return self.issue(loc, message, "map_unknown_key", key=True)
        if kind == "missing":
            return self.issue(loc[:-1], f"missing required key '{loc[-1]}'", "map_missing_key")
        value = error.get("input")
        shown = f" (got {value!r})" if isinstance(value, str | int | float | bool) else ""
        message = str(error["msg"])
        if kind == "literal_error" and loc == ("version",):
            message = f"'version' must be {FORMAT_VERSION}"
        elif kind == "string_pattern_mismatch" and "a-z" in message:
            message = "ids use lowercase letters, digits and '_', starting with a letter"
        elif message.startswith("Value error, "):
            message = message.removeprefix("Value error, ")
        return self.issue(loc, f"{message}{shown}", f"map_{kind}")


def _fields_at(model: type[BaseModel], loc: Sequence[str | int]) -> list[str]:
    """The keys allowed at ``loc`` (used for "did you mean" on unknown keys)."""
    current: Any = model
    for part in loc:
        current = _strip_optional(current)
        if typing.get_origin(current) in (list, dict):
            current = typing.get_args(current)[-1]
        elif isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return []
            current = field.annotation
        else:
            return []
    current = _strip_optional(current)
    if isinstance(current, type) and issubclass(current, BaseModel):
        return list(current.model_fields)
    return []


def _strip_optional(annotation: Any) -> Any:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return annotation
