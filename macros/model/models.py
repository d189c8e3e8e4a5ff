"""The dataset model: the single definition behind the validator, the JSON Schema and the field reference.

Field docstrings become the descriptions that editors show and that the field reference
lists, so write them for contributors.
"""

from __future__ import annotations

import keyword
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field
from pydantic_core import PydanticCustomError

from macros.text import markup_problems

# ---------------------------------------------------------------------------
# Value types: each rejects bad input with the wording a contributor needs.
# ---------------------------------------------------------------------------

ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A release series: '5.2', '3.1', or from 2028 Django's year-based '2028' and '2028.1'.
VERSION_PATTERN = re.compile(r"^\d+(?:\.\d+)?$")
RELEASE_PATTERN = re.compile(r"^\d+(?:\.\d+){1,2}$")
MONTH_PATTERN = re.compile(r"^\d{4}-(?:0[1-9]|1[0-2])$")
# Characters no text field may hold: they are invisible, and XML and HTML forbid most of them.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _reject(kind: str, *, expected: str, hint: str = "") -> PydanticCustomError:
    """A validation error carrying its own 'expected' wording and hint."""
    return PydanticCustomError(kind, "expected {expected}", {"expected": expected, "hint": hint})


def _check_id(value: str) -> str:
    if not ID_PATTERN.match(value):
        raise _reject(
            "id", expected="an id of lowercase letters, digits and single hyphens, e.g. 'rest-apis'",
            hint="ids become URLs: no capitals, spaces or underscores",
        )
    return value


def _check_text(value: str) -> str:
    control = CONTROL_CHARACTERS.search(value)
    if control:
        raise _reject(
            "control_character", expected="text without control characters",
            hint=f"remove the invisible character U+{ord(control.group()):04X}; in double-quoted YAML it is written as an escape",
        )
    return value


def _check_line(value: str) -> str:
    _check_text(value)
    if "\n" in value.strip() or value != value.strip() or not value or "\t" in value:
        raise _reject(
            "plain_line", expected="one line of plain text without leading or trailing spaces",
            hint="keep it to one sentence; longer text belongs in a Markdown field",
        )
    if "`" in value:
        raise _reject(
            "plain_line_code", expected="plain text without backticks",
            hint="one-line fields are shown as typed, so backticks would appear on the page; write the name without them",
        )
    return value


def _check_markdown(value: str) -> str:
    if not value.strip():
        raise _reject("markdown", expected="non-empty Markdown text")
    _check_text(value.replace("\t", " "))
    # Judged on the HTML the site will publish, after Markdown and entity decoding.
    problems = markup_problems(value)
    if problems:
        raise PydanticCustomError("markdown_markup", "expected {expected}", {
            "expected": "Markdown whose links go to https pages or site pages, with no images or diagrams",
            "found": "; ".join(problems),
            "hint": "link with [text](https://...) or [text](/criteria/database.md); everything else is shown as text",
        })
    return value


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme != "https" or "." not in parts.netloc or any(c.isspace() for c in value):
        raise _reject(
            "https_url", expected="an https URL, e.g. https://docs.djangoproject.com/en/5.2/",
            hint="copy the address from the browser; it must start with https:// and contain no spaces",
        )
    return value


def _version_as_text(value: Any) -> Any:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise _reject(
            "version_number", expected="a quoted release series such as '3.1'",
            hint="put quotes around versions: YAML reads 3.10 as the number 3.1",
        )
    return value


def _check_version(value: str) -> str:
    if not VERSION_PATTERN.match(value):
        raise _reject(
            "version", expected="a release series MAJOR.MINOR such as '5.2'",
            hint="give the series the statement holds for, not a full patch release",
        )
    return value


def _check_release(value: str) -> str:
    if not RELEASE_PATTERN.match(value):
        raise _reject("release", expected="a full release number such as '6.1.3'", hint="copy it from PyPI")
    return value


def _check_month(value: str) -> str:
    if not MONTH_PATTERN.match(value):
        raise _reject(
            "month", expected="a month written YYYY-MM, quoted, such as '2028-04'",
            hint="give the month alone, without a day; quote it so YAML keeps it as text",
        )
    return value


def _check_module(value: str) -> str:
    if keyword.iskeyword(value):
        raise _reject(
            "module", expected="a module name that is not a Python keyword, e.g. 'async_app'",
            hint=f"'{value}' is a Python keyword; rename the module and this id together",
        )
    return value


@dataclass(frozen=True)
class Label:
    """How the field reference names a value type; pydantic ignores this metadata."""

    text: str


Id = Annotated[
    str, AfterValidator(_check_id), Field(json_schema_extra={"pattern": ID_PATTERN.pattern}), Label("id"),
]
PlainLine = Annotated[
    str, Field(min_length=1, max_length=200), AfterValidator(_check_line), Label("one line of plain text"),
]
MarkdownText = Annotated[str, AfterValidator(_check_markdown), Label("Markdown")]
HttpsUrl = Annotated[
    str, AfterValidator(_check_url), Field(json_schema_extra={"pattern": "^https://"}), Label("https URL"),
]
VersionSeries = Annotated[
    str, BeforeValidator(_version_as_text), AfterValidator(_check_version),
    Field(json_schema_extra={"pattern": VERSION_PATTERN.pattern}), Label("release series, quoted: '5.2'"),
]
ReleaseNumber = Annotated[
    str, BeforeValidator(_version_as_text), AfterValidator(_check_release),
    Field(json_schema_extra={"pattern": RELEASE_PATTERN.pattern}), Label("release number, quoted: '6.1.3'"),
]
Month = Annotated[
    str, AfterValidator(_check_month), Field(json_schema_extra={"pattern": MONTH_PATTERN.pattern}),
    Label("month, quoted: '2028-04'"),
]


@dataclass(frozen=True)
class References:
    """Marks an id as naming an entity of another collection; checked once everything is loaded."""

    folder: str


FrameworkId = Annotated[Id, References("frameworks"), Label("framework id")]
CriterionId = Annotated[Id, References("criteria"), Label("criterion id")]
UseCaseId = Annotated[Id, References("use-cases"), Label("use-case id")]


class Rating(StrEnum):
    """How well a framework covers a criterion or fits a use case."""

    STRONG = "strong"
    GOOD = "good"
    FAIR = "fair"
    WEAK = "weak"

    @property
    def label(self) -> str:
        return self.value.capitalize()

    @property
    def meaning(self) -> str:
        return RATING_MEANINGS[self]


RATING_MEANINGS: dict[Rating, str] = {
    Rating.STRONG: "Covered as shipped: the framework's own features or design handle this with little extra work.",
    Rating.GOOD: "Covered well with a small, mature addition or a documented pattern that most teams use.",
    Rating.FAIR: "Workable, but you choose, assemble or maintain significant parts yourself, or accept known limits.",
    Rating.WEAK: "Missing or against the framework's design; if this matters most, look elsewhere.",
}


# ---------------------------------------------------------------------------
# Entities
# ---------------------------------------------------------------------------


class Record(BaseModel):
    """Every dataset object: unknown fields are errors, values never change after loading."""

    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


class Source(Record):
    """Evidence for a statement."""

    title: PlainLine
    """What the reader will find there, e.g. 'Django 5.2 documentation: The Django admin site'."""
    url: HttpsUrl
    """Link to the page, with an anchor where the page is long. Prefer official documentation."""


class Assessment(Record):
    """How one framework does on one criterion."""

    rating: Rating
    """One of the rating scale's levels (see the methodology page)."""
    verdict: PlainLine
    """One sentence that stands alone in a table cell."""
    explanation: MarkdownText
    """What ships, what you add, what it costs. Markdown; code examples in fenced blocks."""
    sources: list[Source] = Field(min_length=1)
    """At least one source, preferably the framework's official documentation."""
    versions: list[VersionSeries] = Field(min_length=1)
    """The release series this assessment holds for, quoted, e.g. ['5.2', '6.0']."""
    reviewed: date
    """When someone last checked this assessment against its sources (YYYY-MM-DD)."""


class UseCaseAssessment(Assessment):
    """How well one framework fits one use case."""

    caveats: MarkdownText | None = None
    """Conditions that would change the answer, e.g. 'Flask fits if ...'. Markdown."""


class Release(Record):
    """One feature-release series of a framework."""

    series: VersionSeries
    """The series, quoted, e.g. '5.2'."""
    released: date
    """Date of its first release (YYYY-MM-DD)."""
    lts: bool = False
    """Whether the project designates it a long-term support release."""
    end_of_support: Month | None = None
    """Month its security support ends, as the project publishes it; omit if none is published."""
    notes: HttpsUrl
    """Its release notes."""


class PackageCategory(StrEnum):
    """What a package adds, for grouping on framework pages."""

    DATABASE = "database"
    AUTH = "auth"
    FORMS = "forms"
    ADMIN = "admin"
    API = "api"
    ASYNC = "async"
    REALTIME = "realtime"
    TASKS = "tasks"
    TESTING = "testing"
    SECURITY = "security"
    CMS = "cms"
    OTHER = "other"


class Dependency(Record):
    """A package the framework installs with itself."""

    name: PlainLine
    """Package name as on PyPI."""
    purpose: PlainLine
    """What the framework uses it for."""
    url: HttpsUrl
    """Its documentation or home page."""


class Package(Dependency):
    """A package teams commonly add to the framework."""

    category: PackageCategory
    """What it adds: database, auth, forms, admin, api, async, realtime, tasks, testing, security, cms or other."""


class TemplateLanguage(StrEnum):
    """The syntax of a framework's HTML templates, which code examples are highlighted with."""

    DJANGO = "django"
    JINJA = "jinja"

    @property
    def lexer(self) -> str:
        """The Pygments lexer of HTML with this template syntax."""
        return f"html+{self.value}"


class Framework(Record):
    """A web framework compared on the site."""

    id: Id
    """Must equal the file name without .yaml; used in URLs and as the key of assessments."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    keywords: list[PlainLine] = []
    """Words readers search for that the text may not use, e.g. 'login' for authentication; indexed for search, not shown."""
    name: PlainLine
    """Display name, e.g. 'Django'."""
    summary: PlainLine
    """One sentence: what the framework is."""
    description: MarkdownText
    """Scope and character of the framework, in a few paragraphs of Markdown."""
    current_version: VersionSeries
    """The newest release series, quoted, e.g. '6.0'. Assessments for older series are flagged as stale."""
    latest_release: ReleaseNumber
    """The newest release, quoted, e.g. '6.1.3'."""
    licence: PlainLine
    """Licence name, e.g. 'BSD-3-Clause'."""
    first_release: date
    """Date of the first public release (YYYY-MM-DD)."""
    homepage: HttpsUrl
    """The project's home page."""
    documentation: HttpsUrl
    """The official documentation of the current version."""
    repository: HttpsUrl
    """The source code repository."""
    governance: MarkdownText
    """Who maintains the framework and how decisions are made. Markdown."""
    support_policy: MarkdownText
    """Release cadence, which releases get fixes and for how long, deprecation policy. Markdown."""
    releases: list[Release] = Field(min_length=1)
    """The release series readers care about, newest first."""
    python_versions: list[VersionSeries] = Field(min_length=1)
    """Python versions the current series supports, quoted, e.g. ['3.12', '3.13']."""
    template_language: TemplateLanguage | None = None
    """The syntax of its HTML templates in code examples, django or jinja; omit if they are plain HTML."""
    core_dependencies: list[Dependency] = []
    """What installing the framework pulls in."""
    common_packages: list[Package] = Field(min_length=1)
    """Packages most teams add."""
    strengths: MarkdownText
    """Strengths by criterion, as a Markdown list linking the criterion sections."""
    weaknesses: MarkdownText
    """Weaknesses by criterion, as a Markdown list linking the criterion sections."""
    sources: list[Source] = Field(min_length=1)
    """Where the facts on this page (versions, dates, licence, governance) can be checked."""
    reviewed: date
    """When someone last checked this page against its sources (YYYY-MM-DD)."""


class Criterion(Record):
    """A comparison criterion, such as the ORM or the admin interface."""

    id: Id
    """Must equal the file name without .yaml; used in URLs."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    keywords: list[PlainLine] = []
    """Words readers search for that the text may not use, e.g. 'login' for authentication; indexed for search, not shown."""
    title: PlainLine
    """Heading of the criterion page, e.g. 'Database and ORM'."""
    summary: PlainLine
    """One sentence: the question this criterion answers for a team."""
    description: MarkdownText
    """What the criterion covers and why it matters. Markdown."""
    assessments: dict[FrameworkId, Assessment] = Field(min_length=1)
    """One assessment per framework id. A framework left out is shown as not assessed yet (see coverage)."""
    related: list[CriterionId] = []
    """Ids of other criteria worth reading next."""


class UseCase(Record):
    """A kind of project a team may be planning."""

    id: Id
    """Must equal the file name without .yaml; used in URLs."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    keywords: list[PlainLine] = []
    """Words readers search for that the text may not use, e.g. 'login' for authentication; indexed for search, not shown."""
    title: PlainLine
    """Heading of the use-case page, e.g. 'REST APIs'."""
    summary: PlainLine
    """One sentence describing the kind of project."""
    needs: MarkdownText
    """What such a project needs from a framework. Markdown."""
    criteria: list[CriterionId] = Field(min_length=1)
    """Ids of the criteria that decide this use case, most important first."""
    assessments: dict[FrameworkId, UseCaseAssessment] = Field(min_length=1)
    """One fit assessment per framework id. A framework left out is shown as not assessed yet (see coverage)."""
    related: list[UseCaseId] = []
    """Ids of other use cases worth reading next."""


class ClaimVerdict(StrEnum):
    """How a commonly repeated claim holds up against the sources."""

    TRUE = "true"
    FALSE = "false"
    MISLEADING = "misleading"
    DEPENDS = "depends"

    @property
    def label(self) -> str:
        return self.value.capitalize()


class Claim(Record):
    """A claim that comparison articles repeat, checked against the sources."""

    id: Id
    """Must equal the file name without .yaml; becomes the claim's anchor on the claims page."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    claim: PlainLine
    """The claim as it is commonly stated."""
    verdict: ClaimVerdict
    """true, false, misleading or depends."""
    summary: PlainLine
    """One sentence: the accurate statement."""
    explanation: MarkdownText
    """The accurate statement in full, with versions, and why the claim is repeated. Markdown."""
    criteria: list[CriterionId] = Field(min_length=1)
    """Ids of the criteria the claim concerns; their pages link back to it."""
    sources: list[Source] = Field(min_length=1)
    """Evidence for the verdict."""
    versions: dict[FrameworkId, list[VersionSeries]] = Field(min_length=1)
    """For each framework the claim concerns, the release series the verdict holds for."""
    reviewed: date
    """When someone last checked this claim against its sources (YYYY-MM-DD)."""


class Term(Record):
    """A glossary term."""

    id: Id
    """Must equal the file name without .yaml; becomes the term's anchor on the glossary page."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    term: PlainLine
    """The term as readers meet it, e.g. 'WSGI'."""
    aka: list[PlainLine] = []
    """Other names or spellings, e.g. 'Web Server Gateway Interface'."""
    definition: MarkdownText
    """One to four sentences, and how the term matters for the frameworks. Markdown."""
    criteria: list[CriterionId] = []
    """Ids of criteria where the term matters."""
    sources: list[Source] = Field(min_length=1)
    """Where the definition can be checked."""
    reviewed: date
    """When someone last checked this definition (YYYY-MM-DD)."""


class Answer(Record):
    """One answer to a decision question: it leads to the next question or to an outcome."""

    id: Id
    """Short id, unique within the question; it appears in the chooser's shareable URL."""
    label: PlainLine
    """The answer as the reader picks it, e.g. 'Yes, mostly JSON'."""
    next: Id | None = None
    """Id of the question this answer leads to (give either next or outcome)."""
    outcome: Id | None = None
    """Id of the outcome this answer leads to (give either next or outcome)."""


class Question(Record):
    """A question a reader can answer about their project."""

    id: Id
    """Unique within the tree; used in anchors and in the chooser's URL."""
    aliases: list[Id] = []
    """Ids this question had before a rename; its old anchor (#q-<old id>) keeps working."""
    text: PlainLine
    """The question, e.g. 'Is the product mainly a JSON API?'."""
    help: MarkdownText | None = None
    """What to consider when answering. Markdown."""
    criteria: list[CriterionId] = []
    """Criteria that explain the question; the flowchart node links to the first."""
    answers: list[Answer] = Field(min_length=2)
    """At least two answers."""


class AddedPackage(Record):
    """A package a team adds to the recommended framework to follow this outcome."""

    name: PlainLine
    """Package name as on PyPI, e.g. 'djangorestframework'."""
    version: ReleaseNumber
    """The latest release when the outcome was reviewed, quoted, e.g. '3.16.1'."""
    purpose: PlainLine
    """What it adds, e.g. 'serializers, viewsets and a browsable API'."""
    url: HttpsUrl
    """Its documentation, or its PyPI page."""


class Outcome(Record):
    """Where a path through the tree ends: a recommendation with its reasons, costs and risks; it has its own page."""

    id: Id
    """Unique within the tree; used in the outcome page's address, in anchors and in the chooser's URL."""
    aliases: list[Id] = []
    """Ids this outcome had before a rename; its old anchor (#o-<old id>) and page address keep working."""
    title: PlainLine
    """The recommendation in a few words, e.g. 'Django with Django REST framework'."""
    summary: PlainLine
    """One sentence: the recommendation and its main reason; the page's link preview and the decision record's decision."""
    frameworks: list[FrameworkId] = Field(min_length=1)
    """Recommended framework ids, best fit first."""
    reasons: MarkdownText
    """Why this fits, in a few sentences or bullets, linking the pages behind the reasons. Markdown."""
    adds: list[AddedPackage] = []
    """Packages to add to the framework, with the version reviewed (empty when the framework ships what is needed)."""
    costs: MarkdownText
    """What the team accepts with this choice: work, upkeep, limits. Markdown."""
    risks: list[MarkdownText] = Field(min_length=1)
    """Each a fact about the project that would change the answer, and what to read or choose then. Markdown."""
    criteria: list[CriterionId] = []
    """Criteria behind the recommendation."""
    use_cases: list[UseCaseId] = []
    """Use cases behind the recommendation."""


class DecisionTree(Record):
    """A decision a reader faces, as questions and outcomes: walked by its page's chooser, drawn as a flowchart."""

    id: Id
    """Must equal the file name without .yaml; used in URLs."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    title: PlainLine
    """Heading of the flowchart page, e.g. 'Which framework?'."""
    summary: PlainLine
    """One sentence: who this decision is for."""
    master: bool = False
    """True for the one general tree ('Which framework?'): the home page links it, and /chooser/ links open it."""
    start: Id
    """Id of the first question."""
    questions: list[Question] = Field(min_length=1)
    """The questions, in any order."""
    outcomes: list[Outcome] = Field(min_length=2)
    """The outcomes, in any order."""
    reviewed: date
    """When someone last checked the tree against the criteria it cites (YYYY-MM-DD)."""


class Footprint(Record):
    """What installing one framework adds to a fresh virtual environment."""

    version: ReleaseNumber
    """The release measured, quoted, e.g. '3.1.3'."""
    packages: int = Field(ge=1)
    """Packages a fresh virtual environment gains from installing the framework (the framework included)."""
    install_size_mb: float = Field(gt=0)
    """Size on disk of those packages, in MB (10^6 bytes), bytecode included."""


AppModule = Annotated[
    str, Field(pattern=r"^[a-z][a-z0-9_]{0,39}$"), AfterValidator(_check_module),
    Label("module name: 'startproject' for scripts/perf/<framework>/startproject.py"),
]


Samples = Annotated[list[Annotated[float, Field(gt=0)]], Field(min_length=1), Label("list of positive numbers, one per round")]


class StartupSamples(Record):
    """Start-up of one app, one value per round: a process that imports the app and exits."""

    ms: Samples
    """Wall time, in milliseconds."""
    rss_mb: Samples
    """Peak memory (resident set size), in MiB."""


class FrameworkStartup(Record):
    """Start-up of one framework's smallest app and of each of its measured apps."""

    minimal: StartupSamples
    """The smallest app the framework runs: hello.py in its folder of scripts/perf/."""
    apps: dict[AppModule, StartupSamples] = Field(min_length=1)
    """Each measured app of setup, by app id."""


class LoadSamples(Record):
    """One app on one endpoint under load, one value per round."""

    requests_per_second: Samples
    """Requests per second."""
    p50_ms: Samples
    """Median latency, in milliseconds."""
    p99_ms: Samples
    """99th-percentile latency, in milliseconds."""


class MeasuredRun(Record):
    """One full run: start-up and throughput of every app, in interleaved rounds."""

    baseline_startup_ms: Samples
    """Wall time of a bare 'python -c pass', one per round, for comparison with start-up times."""
    startup: dict[FrameworkId, FrameworkStartup] = Field(min_length=1)
    """Start-up per framework id."""
    throughput: dict[Id, dict[FrameworkId, dict[AppModule, LoadSamples]]] = Field(min_length=1)
    """Per endpoint id, per framework id, per app id: the loads of each round."""


class ServerInterface(StrEnum):
    """How a measured app is served: the same server and worker count for both, with the worker type each needs."""

    WSGI = "wsgi"
    ASGI = "asgi"


Requirement = Annotated[
    str, Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*(\[[A-Za-z0-9,._-]+\])?==[0-9][0-9A-Za-z.+-]*$"),
    Label("pinned requirement: 'flask==3.1.3'"),
]
class MeasuredApp(Record):
    """One app of a framework that the script serves: a module in the framework's folder of scripts/perf/."""

    id: AppModule
    """The module's name, e.g. 'trimmed' for scripts/perf/django/trimmed.py; it exposes ``app``."""
    label: PlainLine
    """What sets it apart, shown after the framework's name, e.g. 'trimmed for an API'."""


class MeasuredSetup(Record):
    """What the performance script installs and serves for one framework; it reads this, then writes the numbers."""

    requirement: Requirement
    """The framework, pinned, e.g. 'flask==3.1.3'; the footprint measures what installing it adds."""
    extras: list[Requirement] = []
    """What its apps need beyond the framework, pinned, e.g. ['flask-sqlalchemy==3.1.1']."""
    interface: ServerInterface
    """wsgi or asgi: which worker class the server runs the apps with."""
    apps: list[MeasuredApp] = Field(min_length=1)
    """The apps to serve and load, in display order."""


class MeasuredEndpoint(Record):
    """A path every measured app serves, modelled on one of the TechEmpower Framework Benchmarks' test types."""

    id: Id
    """Short id, used in anchors, e.g. 'fortunes'."""
    aliases: list[Id] = []
    """Ids this endpoint was published under before a rename; their anchors keep working."""
    path: str = Field(pattern=r"^/[A-Za-z0-9/_-]*(\?[A-Za-z0-9_=&-]+)?$", max_length=100)
    """The path and query the load generator requests, e.g. '/queries?queries=20'."""
    title: PlainLine
    """The TechEmpower test type it follows, e.g. 'Fortunes'."""
    description: PlainLine
    """What every app does for it, e.g. 'Reads one random row of 10,000 and returns it as JSON'."""


class Measurement(Record):
    """Numbers written by a script in the repository, shown on a criterion page with their method."""

    id: Id
    """Must equal the file name without .yaml."""
    criterion: CriterionId
    """The criterion page that shows these numbers."""
    measured: date
    """When the script ran (YYYY-MM-DD)."""
    machine: PlainLine
    """Processor, cores, memory and operating system of the machine that ran it."""
    python: ReleaseNumber
    """Python release used, quoted, e.g. '3.12.1'."""
    command: PlainLine
    """The command that reproduces the numbers."""
    setup: dict[FrameworkId, MeasuredSetup] = Field(min_length=1)
    """The frameworks and apps to measure, and how: the script's input, kept when it rewrites the numbers."""
    endpoints: list[MeasuredEndpoint] = Field(min_length=1)
    """The paths to load, in display order: the script's input, kept when it rewrites the numbers."""
    server: PlainLine
    """The production server and its settings, identical for every framework but the worker class."""
    load: PlainLine
    """The load generator and its settings."""
    method: PlainLine
    """Runs, rounds and core pinning, as the script ran them."""
    footprint: dict[FrameworkId, Footprint] = Field(min_length=1)
    """Install footprint per framework id."""
    runs: list[MeasuredRun] = Field(min_length=1)
    """Each full run's recorded rounds; the site computes medians, intervals and ratios from them."""


RepositoryPath = Annotated[
    str, Field(pattern=r"^examples/[A-Za-z0-9_./-]+$"), Label("path of a file under examples/"),
]


class Example(Record):
    """The same task written in each framework: real files in examples/, tested by pytest."""

    id: Id
    """Must equal the file name without .yaml; used in URLs."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    keywords: list[PlainLine] = []
    """Words readers search for that the text may not use, e.g. 'login' for authentication; indexed for search, not shown."""
    title: PlainLine
    """Heading of the example page, e.g. 'A JSON API endpoint'."""
    summary: PlainLine
    """One sentence: what the example shows."""
    criteria: list[CriterionId] = Field(min_length=1)
    """Criteria the example illustrates; their pages link to it."""
    files: dict[FrameworkId, list[RepositoryPath]] = Field(min_length=1)
    """For each framework, the files a reader should see, shown in this order. A framework left out is not written yet."""
    notes: dict[FrameworkId, MarkdownText] = {}
    """For each framework, what to notice. Markdown."""
    versions: dict[FrameworkId, list[VersionSeries]] = Field(min_length=1)
    """For each framework, the release series the example is written for."""
    reviewed: date
    """When someone last checked the example (YYYY-MM-DD)."""


class GridPackage(Record):
    """A maintained package that meets one need in one framework, with the facts freshness is checked on."""

    name: PlainLine
    """Package name as on PyPI, e.g. 'djangorestframework-simplejwt'."""
    purpose: PlainLine
    """What it adds for this need, in a few words."""
    version: ReleaseNumber
    """Its latest release when the need was reviewed, quoted, e.g. '5.5.1'."""
    released: Month
    """Month of that release, quoted, e.g. '2025-07'; a release older than two years is flagged on the page."""
    framework_versions: list[VersionSeries] = Field(min_length=1)
    """The framework's release series the package declares support for (its classifiers or requirement), quoted."""
    python_versions: list[VersionSeries] = Field(min_length=1)
    """The Python versions it declares support for, quoted, e.g. ['3.10', '3.14']."""
    url: HttpsUrl
    """Its documentation or home page."""
    source: HttpsUrl
    """Where the version, release month and supported versions can be checked, usually its PyPI page."""


class Need(Record):
    """Something teams add to a framework, such as JWT auth or background jobs: the packages per framework that meet it."""

    id: Id
    """Must equal the file name without .yaml; becomes the need's anchor on the packages page."""
    aliases: list[Id] = []
    """Ids this entity was published under before a rename; their links keep working (redirect or anchor)."""
    keywords: list[PlainLine] = []
    """Words readers search for that the text may not use, e.g. 'jwt' for token auth; indexed for search, not shown."""
    title: PlainLine
    """The need in a few words, e.g. 'Token and JWT authentication'."""
    summary: PlainLine
    """One sentence: what a team needing this wants."""
    criteria: list[CriterionId] = Field(min_length=1)
    """Criteria the need belongs to; their pages link to it."""
    use_cases: list[UseCaseId] = []
    """Use cases where the need comes up; their pages link to it."""
    built_in: dict[FrameworkId, MarkdownText] = {}
    """For each framework that ships something for the need, what it ships, in a sentence or two. Markdown."""
    packages: dict[FrameworkId, list[GridPackage]] = Field(min_length=1)
    """For each framework, the maintained packages that meet the need, most used first."""
    reviewed: date
    """When someone last checked the packages' versions and dates against their sources (YYYY-MM-DD)."""


class ChangeKind(StrEnum):
    """What a content change did to the sections it names."""

    NEW = "new"
    CORRECTED = "corrected"
    UPDATED = "updated"

    @property
    def label(self) -> str:
        return self.value.capitalize()


SECTION_LINK = re.compile(r"^/[a-z0-9-]+/(?:[a-z0-9-]+/)*[a-z0-9-]+\.md(?:#[a-z0-9-]+)?$")
SectionLink = Annotated[
    str, Field(pattern=SECTION_LINK.pattern), Label("section link: '/criteria/security.md#flask'"),
]


class Change(Record):
    """A change to published content (an assessment, verdict, claim, version or source), for the What changed page and feed."""

    id: Id
    """Must equal the file name without .yaml, e.g. '2026-12-03-host-header'; becomes its anchor on the What changed page."""
    aliases: list[Id] = []
    """Ids this entry was published under before a rename; their anchors keep working."""
    changed: date
    """The day the change was made (YYYY-MM-DD)."""
    kind: ChangeKind
    """new (a section added), corrected (an error fixed) or updated (new facts, versions or sources)."""
    summary: PlainLine
    """One sentence: what changed, as a reader who cited the section needs to know it."""
    details: MarkdownText | None = None
    """What was wrong or what is new, and the source that shows it. Markdown."""
    sections: list[SectionLink] = Field(min_length=1)
    """The sections it changed, as site links: '/criteria/security.md#flask', '/claims/index.md#django-is-mvc'."""
