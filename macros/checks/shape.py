"""Each file against its collection's model: a validated entity, or pydantic's errors as located problems."""

from __future__ import annotations

from typing import Any, get_args, get_origin

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from macros.checks.located import Located
from macros.load.folder import Source
from macros.load.yamlsource import YamlDocument, dotted
from macros.model.fields import strip_optional
from macros.problems import Problem, describe, did_you_mean, quoted_list

FIELD_REFERENCE_HINT = "see the field reference in docs/contributing/fields.md"

# Expected wording for pydantic's built-in error types that our fields can raise.
EXPECTED_BY_TYPE: dict[str, str] = {
    "string_type": "text",
    "list_type": "a list",
    "dict_type": "a mapping of fields",
    "model_type": "a mapping of fields",
    "model_attributes_type": "a mapping of fields",
    "date_type": "a date written YYYY-MM-DD",
    "date_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_parsing": "a date written YYYY-MM-DD",
    "date_from_datetime_inexact": "a date written YYYY-MM-DD",
}
HINT_BY_TYPE: dict[str, str] = {
    "date_parsing": "write the date as YYYY-MM-DD, e.g. 2026-11-23, with a real month and day",
    "date_from_datetime_parsing": "write the date as YYYY-MM-DD, e.g. 2026-11-23, with a real month and day",
    "date_type": "write the date as YYYY-MM-DD, e.g. 2026-11-23, with a real month and day",
    "string_type": "put quotes around the value if YAML reads it as a number, date or yes/no",
    "list_type": "write a list as lines starting with '- ' under the field",
}


def validate(source: Source) -> Located | list[Problem]:
    """The file's entity, or every way it does not fit the model."""
    model = source.collection.model
    try:
        return Located(model.model_validate(source.document.data), source)
    except ValidationError as error:
        return [
            problem_from_error(detail, model=model, document=source.document, display=source.display)
            for detail in error.errors(include_url=False)
        ]


def problem_from_error(
    error: ErrorDetails, *, model: type[BaseModel], document: YamlDocument, display: str
) -> Problem:
    """One pydantic error as a Problem with the file, line, field path, expectation and hint."""
    loc = tuple(part for part in error["loc"] if part != "[key]")
    kind = error["type"]
    context: dict[str, Any] = dict(error.get("ctx") or {})
    line = document.line_of(loc)
    field = dotted(loc)
    found = describe(error.get("input"))
    if kind == "missing":
        name = str(loc[-1])
        description = _description(model, loc) or ""
        return Problem(
            display, line, field, f"the required field '{name}'", "no such field",
            f"add '{name}:' here. {description}".strip(),
        )
    if kind == "extra_forbidden":
        name = str(loc[-1])
        allowed = _fields_of(model, loc[:-1])
        return Problem(
            display, line, field, f"one of the fields {quoted_list(allowed)}", f"an unknown field '{name}'",
            did_you_mean(name, allowed, otherwise=f"remove it, or {FIELD_REFERENCE_HINT}"),
        )
    if kind == "enum":
        choices = [member.value for member in _annotation_at(model, loc)]
        return Problem(
            display, line, field, f"one of {quoted_list(choices)}", found,
            did_you_mean(str(error.get("input")), choices, otherwise="the methodology page defines each level"),
        )
    if "expected" in context:  # our own value types carry their wording
        return Problem(display, line, field, context["expected"], context.get("found", found), context.get("hint", ""))
    if kind == "too_short":
        return Problem(
            display, line, field, f"at least {context['min_length']} item(s)", f"{context['actual_length']}",
            "add an entry; every list of this kind needs at least one",
        )
    if kind == "string_too_long":
        return Problem(
            display, line, field, f"at most {context['max_length']} characters",
            f"{len(str(error.get('input')))} characters", "shorten it; details belong in a Markdown field",
        )
    if kind == "string_too_short":
        return Problem(display, line, field, "non-empty text", found, "write the value or remove the field")
    expected = EXPECTED_BY_TYPE.get(kind, error["msg"])
    return Problem(display, line, field, expected, found, HINT_BY_TYPE.get(kind, FIELD_REFERENCE_HINT))


def _annotation_at(model: type[BaseModel], loc: tuple[Any, ...]) -> Any:
    """The declared type at a field path, stepping through lists, dicts and optionals."""
    target: Any = model
    for part in loc:
        target = strip_optional(target)
        if isinstance(target, type) and issubclass(target, BaseModel):
            field = target.model_fields.get(str(part))
            if field is None:
                return None
            target = field.annotation
        elif get_origin(target) in (list, dict):
            target = get_args(target)[-1]
        else:
            return None
    return strip_optional(target)




def _fields_of(model: type[BaseModel], loc: tuple[Any, ...]) -> list[str]:
    target = _annotation_at(model, loc)
    if isinstance(target, type) and issubclass(target, BaseModel):
        return list(target.model_fields)
    return []


def _description(model: type[BaseModel], loc: tuple[Any, ...]) -> str | None:
    parent = _annotation_at(model, loc[:-1])
    if isinstance(parent, type) and issubclass(parent, BaseModel):
        field = parent.model_fields.get(str(loc[-1]))
        return field.description if field else None
    return None
