"""Measure the frameworks the same way and write the results to data/measurements/performance.yaml.

What to measure is the output file's own input blocks, which the script writes back unchanged:
``setup`` names, per framework id, the pinned ``requirement``, the pinned ``extras`` its apps need,
its ``interface`` (wsgi or asgi) and its ``apps``, each a module ``scripts/perf/<id>/<app>.py``
exposing ``app``; ``endpoints`` names the paths every app serves, modelled on the TechEmpower
Framework Benchmarks' test types. ``scripts/perf/<id>/hello.py`` is each framework's smallest app.

The method, for each framework in a fresh virtual environment of the given Python:
- install footprint: packages that installing the requirement adds and their size on disk;
- one SQLite database, seeded here with TechEmpower's tables (world: 10,000 rows; fortune: 12),
  read by every app;
- start-up: wall time and peak memory of importing hello.py and each app, in interleaved rounds
  (every app once per round, with a bare ``python -c pass`` as the baseline);
- throughput: every app served at once by gunicorn with one worker (sync workers for WSGI apps,
  uvicorn-worker's UvicornWorker for ASGI apps), pinned with taskset to one core while wrk runs
  pinned to another; after a warm-up, interleaved rounds load each endpoint of each app in turn
  (A B C A B C ...), so that drift of the machine falls on every app alike.
A full measurement is two such runs, servers restarted in between, each of the stated rounds:
the site computes each figure's median and 95% interval from the recorded rounds, and checks
that the two runs agree.

Run the full measurement (about 35 minutes on 2 cores) with ``make measure``, or:

    .venv/bin/python scripts/measure_performance.py

``--quick`` does one short run of everything, fresh environments included; its numbers are
not meant to be published. ``--smoke`` is what the test suite runs to prove the script works
without the network: it installs nothing and measures the frameworks already installed in this
Python's environment (``requirements/examples.txt`` pins them), one round of one second.
gunicorn is not in that environment, so WSGI apps run on the standard library's WSGI server and
ASGI apps on ``python -m uvicorn`` in one process.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime
import importlib.metadata
import importlib.util
import json
import os
import platform
import re
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from macros.model.models import MeasuredEndpoint, MeasuredSetup

ROOT = Path(__file__).resolve().parent.parent
APPS = Path(__file__).resolve().parent / "perf"
OUTPUT = ROOT / "data" / "measurements" / "performance.yaml"
GUNICORN = "gunicorn==27.0.1"
WORKERS = 1
WRK_CONNECTIONS = 16
HELLO_MODULE = "hello"  # scripts/perf/<id>/hello.py: the smallest app, imported to measure start-up
# gunicorn's worker class per interface; ASGI's comes from the uvicorn-worker package, which the
# Uvicorn docs recommend over uvicorn's own, deprecated uvicorn.workers module.
WORKER_CLASSES = {"wsgi": "sync", "asgi": "uvicorn_worker.UvicornWorker"}
# TechEmpower's fortune table, which its fortunes test renders (with one row added per request).
FORTUNES = [
    "fortune: No such file or directory",
    "A computer scientist is someone who fixes things that aren't broken.",
    "After enough decimal places, nobody gives a damn.",
    "A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1",
    "A computer program does what you tell it to do, not what you want it to do.",
    "Emacs is a nice operating system, but I prefer UNIX. \u2014 Tom Christaensen",
    "Any program that runs right is obsolete.",
    "A list is only as strong as its weakest link. \u2014 Donald Knuth",
    "Feature: A bug with seniority.",
    "Computers make very fast, very accurate mistakes.",
    '<script>alert("This should not be displayed in a browser alert box.");</script>',
    "\u30d5\u30ec\u30fc\u30e0\u30ef\u30fc\u30af\u306e\u30d9\u30f3\u30c1\u30de\u30fc\u30af",
]
WORLD_ROWS = 10_000


def canonical(name: str) -> str:
    """A distribution name as pip and PyPI compare them: 'Typing_Extensions' is 'typing-extensions'."""
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Framework:
    id: str
    requirement: str  # the framework, pinned: what the footprint measures
    extras: tuple[str, ...]  # what its apps need beyond the framework
    interface: str  # wsgi or asgi
    apps: tuple[str, ...]  # modules in its folder, each exposing ``app``

    @property
    def distribution(self) -> str:
        """The requirement's distribution name, without extras or version."""
        return canonical(re.split(r"[\[=<>!~ ]", self.requirement, maxsplit=1)[0])

    @property
    def app_dir(self) -> Path:
        return APPS / self.id


def _model_error(path: Path, block: str, error: ValidationError, *prefix: object) -> SystemExit:
    first = error.errors()[0]
    field = ".".join(str(part) for part in (*prefix, *first["loc"]))
    return SystemExit(f"{path}: {block}.{field}: {first['msg']} (run 'python -m macros validate')")


def read_setup(path: Path) -> tuple[dict[str, object], list[Framework], list[dict[str, object]], list[MeasuredEndpoint]]:
    """The output file's ``setup`` and ``endpoints`` blocks, as read, and what they name, in their order."""
    if not path.is_file():
        raise SystemExit(f"{path}: not found; the script reads what to measure from its setup and endpoints blocks")
    document = yaml.safe_load(path.read_text())
    setup = document.get("setup") if isinstance(document, dict) else None
    if not isinstance(setup, dict) or not setup:
        raise SystemExit(f"{path}: no setup block naming the frameworks to measure")
    endpoints = document.get("endpoints")
    if not isinstance(endpoints, list) or not endpoints:
        raise SystemExit(f"{path}: no endpoints block naming the paths to load")
    frameworks = []
    for framework_id, entry in setup.items():
        try:  # the dataset's own model, as the validator reads it: one definition of a valid setup entry
            measured = MeasuredSetup.model_validate(entry)
        except ValidationError as error:
            raise _model_error(path, "setup", error, framework_id) from None
        framework = Framework(str(framework_id), measured.requirement, tuple(measured.extras), measured.interface.value,
                              tuple(app.id for app in measured.apps))
        modules = (HELLO_MODULE, *framework.apps)
        missing = [f"{module}.py" for module in modules if not (framework.app_dir / f"{module}.py").is_file()]
        if missing:
            raise SystemExit(f"{framework.app_dir.relative_to(ROOT)}: {' and '.join(missing)} missing")
        frameworks.append(framework)
    measured_endpoints = []
    for index, entry in enumerate(endpoints):
        try:
            measured_endpoints.append(MeasuredEndpoint.model_validate(entry))
        except ValidationError as error:
            raise _model_error(path, "endpoints", error, index) from None
    return setup, frameworks, endpoints, measured_endpoints


@dataclass(frozen=True)
class Settings:
    runs: int  # independent runs, servers restarted in between
    rounds: int  # interleaved rounds per run: each app and endpoint loaded once per round
    startup_rounds: int
    seconds: int  # length of one load
    warm_up_seconds: int = 2


FULL = Settings(runs=2, rounds=15, startup_rounds=15, seconds=2)
QUICK = Settings(runs=1, rounds=2, startup_rounds=2, seconds=1)
SMOKE = Settings(runs=1, rounds=1, startup_rounds=1, seconds=1, warm_up_seconds=0)


# --smoke serves a WSGI app with the standard library's threaded WSGI server (argv: port, module:app).
STDLIB_SERVER = """
import importlib, socketserver, sys
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

class Server(socketserver.ThreadingMixIn, WSGIServer):
    daemon_threads = True

class Quiet(WSGIRequestHandler):
    def log_message(self, *args):
        pass

module, name = sys.argv[2].split(":")
make_server("127.0.0.1", int(sys.argv[1]), getattr(importlib.import_module(module), name), Server, Quiet).serve_forever()
"""

# The console scripts (bin/ entries) of the named distributions, run in the measured venv's Python.
CONSOLE_SCRIPTS = """
import importlib.metadata, json, re, sys
names = set(sys.argv[1:])
print(json.dumps(sorted({
    entry_point.name
    for distribution in importlib.metadata.distributions()
    if re.sub(r"[-_.]+", "-", distribution.metadata["Name"]).lower() in names
    for entry_point in distribution.entry_points
    if entry_point.group in ("console_scripts", "gui_scripts")
})))
"""


def server_name(frameworks: list[Framework], smoke: bool) -> str:
    """The ``server`` line: what served each interface the measured frameworks use."""
    interfaces = [interface for interface in WORKER_CLASSES if any(f.interface == interface for f in frameworks)]
    if smoke:
        servers = {"wsgi": lambda: "wsgiref (Python's standard library, threaded)",
                   "asgi": lambda: f"uvicorn {uvicorn_version()} (one process)"}
        served = " and ".join(f"{servers[interface]()} for {interface.upper()} apps" for interface in interfaces)
        return f"{served}, --smoke only, DEBUG off, the same SQLite database for every app"
    workers = ", ".join(f"{WORKER_CLASSES[interface]} for {interface.upper()} apps" for interface in interfaces)
    return (f"{GUNICORN.replace('==', ' ')}, {WORKERS} worker ({workers}), DEBUG off, the same SQLite database "
            "for every app")


def uvicorn_version() -> str:
    """--smoke: the uvicorn this environment has, which serves its ASGI apps."""
    if importlib.util.find_spec("uvicorn") is None:
        raise SystemExit("--smoke serves ASGI apps with uvicorn, which this environment lacks "
                         "(requirements/examples.txt should provide it)")
    return importlib.metadata.version("uvicorn")


def run(command: list[str], **options: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, check=True, capture_output=True, text=True, **options)  # type: ignore[call-overload]


def site_packages(venv: Path) -> Path:
    return next(venv.glob("lib/python*/site-packages"))


def installed(venv: Path) -> dict[str, str]:
    listing = json.loads(run([str(venv / "bin/python"), "-m", "pip", "list", "--format", "json"]).stdout)
    return {canonical(entry["name"]): entry["version"] for entry in listing}


def size_of(paths: list[Path]) -> int:
    """Bytes in the given files and folders."""
    files = [file for path in paths for file in ([path] if path.is_file() else path.rglob("*"))]
    return sum(file.stat().st_size for file in files if file.is_file())


def footprint(python: str, framework: Framework, workdir: Path) -> tuple[Path, dict[str, object]]:
    """A fresh venv with the framework alone: what it adds, then the app's extras and gunicorn."""
    venv = workdir / f"venv-{framework.id}"
    run([python, "-m", "venv", str(venv)])
    before = set(installed(venv))
    packages_dir = site_packages(venv)
    entries_before = set(packages_dir.iterdir())
    run([str(venv / "bin/python"), "-m", "pip", "install", "--disable-pip-version-check", framework.requirement])
    added = {name: version for name, version in installed(venv).items() if name not in before}
    new_entries = [entry for entry in packages_dir.iterdir() if entry not in entries_before]
    # The bin/ entries the installed distributions' metadata declares (the framework's and its dependencies').
    scripts = json.loads(run([str(venv / "bin/python"), "-c", CONSOLE_SCRIPTS, *added]).stdout)
    bin_entries = [venv / "bin" / name for name in scripts if (venv / "bin" / name).is_file()]
    result = {
        "version": added[framework.distribution],
        "packages": len(added),
        "install_size_mb": round(size_of(new_entries + bin_entries) / 1e6, 1),
    }
    run([str(venv / "bin/python"), "-m", "pip", "install", "--disable-pip-version-check", GUNICORN, *framework.extras])
    return venv, result


def installed_footprint(framework: Framework) -> tuple[Path, dict[str, object]]:
    """--smoke: the framework as this environment already has it, with what it requires; nothing is installed."""
    from packaging.requirements import Requirement  # in the test environment; a real run does not need it

    try:
        version = importlib.metadata.version(framework.distribution)
    except importlib.metadata.PackageNotFoundError:
        raise SystemExit(f"--smoke measures this environment's {framework.distribution}, which is not installed "
                         "(requirements/examples.txt should provide it)") from None
    names: set[str] = set()
    todo = [framework.distribution]
    while todo:
        name = canonical(todo.pop())
        if name in names:
            continue
        names.add(name)
        for spec in importlib.metadata.requires(name) or []:
            requirement = Requirement(spec)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(requirement.name)
    files = [file.locate() for name in names for file in importlib.metadata.files(name) or []]
    result = {
        "version": version,
        "packages": len(names),
        "install_size_mb": round(sum(Path(file).stat().st_size for file in files if Path(file).is_file()) / 1e6, 1),
    }
    return Path(sys.prefix), result



def seed_database(path: Path) -> None:
    """The one database every app reads: TechEmpower's world and fortune tables, the same rows each run."""
    import random

    numbers = random.Random(0)
    with contextlib.closing(sqlite3.connect(path)) as connection, connection:
        connection.execute("CREATE TABLE world (id INTEGER PRIMARY KEY, randomnumber INTEGER NOT NULL)")
        connection.execute("CREATE TABLE fortune (id INTEGER PRIMARY KEY, message TEXT NOT NULL)")
        connection.executemany("INSERT INTO world VALUES (?, ?)",
                               ((n, numbers.randint(1, 10000)) for n in range(1, WORLD_ROWS + 1)))
        connection.executemany("INSERT INTO fortune VALUES (?, ?)", enumerate(FORTUNES, start=1))


@dataclass(frozen=True)
class Environment:
    """Where one framework's apps run: its virtual environment and the variables its apps read."""

    framework: Framework
    venv: Path
    env: dict[str, str]

    @property
    def python(self) -> str:
        return str(self.venv / "bin/python")


def timed_import(environment: Environment, module: str) -> tuple[float, float]:
    """Wall time (ms) and peak resident memory (MiB) of a process that imports ``module`` and exits."""
    # VmHWM, the peak resident set of this process's own address space: getrusage's ru_maxrss would
    # carry over the peak of the measuring script that forked it, since Linux keeps it across exec.
    code = (f"import importlib, re; importlib.import_module({module!r}); "
            "print(re.search(r'VmHWM:\\s+(\\d+) kB', open('/proc/self/status').read()).group(1))")
    start = time.perf_counter()
    output = run([environment.python, "-c", code], cwd=environment.framework.app_dir, env=environment.env).stdout
    return round((time.perf_counter() - start) * 1000, 1), round(int(output.strip()) / 1024, 1)


def startup(python: str, environments: list[Environment], rounds: int) -> tuple[list[float], dict[str, object]]:
    """Start-up in interleaved rounds: the baseline, then every framework's hello app and apps, once per round."""
    baseline: list[float] = []
    samples = {environment.framework.id: {module: ([], []) for module in (HELLO_MODULE, *environment.framework.apps)}
               for environment in environments}
    for _ in range(rounds):
        start = time.perf_counter()
        run([python, "-c", "pass"])
        baseline.append(round((time.perf_counter() - start) * 1000, 1))
        for environment in environments:
            for module, (times, memory) in samples[environment.framework.id].items():
                milliseconds, mebibytes = timed_import(environment, module)
                times.append(milliseconds)
                memory.append(mebibytes)
    return baseline, {
        framework_id: {
            "minimal": {"ms": modules[HELLO_MODULE][0], "rss_mb": modules[HELLO_MODULE][1]},
            "apps": {module: {"ms": times, "rss_mb": memory}
                     for module, (times, memory) in modules.items() if module != HELLO_MODULE},
        }
        for framework_id, modules in samples.items()
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_up(url: str, server: subprocess.Popen[str], log: Path, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"server for {url} exited with status {server.returncode}:\n{log.read_text()}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except OSError:
            time.sleep(0.2)
    raise RuntimeError(f"server at {url} did not start:\n{log.read_text()}")


LATENCY_LINE = re.compile(r"^\s+(50|99)%\s+([\d.]+)(us|ms|s)\s*$", re.MULTILINE)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


@dataclass(frozen=True)
class Cores:
    """Where the server and the load generator run: separate cores when the machine has two or more."""

    server: list[str]
    load: list[str]

    @classmethod
    def of_this_machine(cls) -> Cores:
        allowed = sorted(os.sched_getaffinity(0))
        if len(allowed) < 2:
            return cls([], [])
        return cls(["taskset", "--cpu-list", str(allowed[0])], ["taskset", "--cpu-list", str(allowed[1])])

    def describe(self) -> str:
        if not self.server:
            return "server and load generator on the same single core"
        return f"server pinned to core {self.server[-1]} and load generator to core {self.load[-1]} with taskset"


def wrk(cores: Cores, url: str, seconds: int) -> dict[str, float]:
    output = run([*cores.load, "wrk", "-t1", f"-c{WRK_CONNECTIONS}", f"-d{seconds}s", "--latency", url]).stdout
    if "Non-2xx" in output or "Socket errors" in output:
        raise RuntimeError(f"errors under load at {url}:\n{output}")
    latency = {f"p{p}_ms": round(float(value) * UNIT_MS[unit], 2) for p, value, unit in LATENCY_LINE.findall(output)}
    requests = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))  # type: ignore[union-attr]
    return {"requests_per_second": round(requests), **latency}


def server_command(environment: Environment, module: str, port: int, smoke: bool) -> list[str]:
    served = f"{module}:app"
    python, interface = environment.python, environment.framework.interface
    if smoke and interface == "wsgi":
        return [python, "-c", STDLIB_SERVER, str(port), served]
    if smoke:
        return [python, "-m", "uvicorn", "--host", "127.0.0.1", "--port", str(port),
                "--log-level", "warning", "--no-access-log", served]
    return [str(environment.venv / "bin/gunicorn"), "--workers", str(WORKERS), "--worker-class", WORKER_CLASSES[interface],
            "--bind", f"127.0.0.1:{port}", "--log-level", "warning", served]


@contextlib.contextmanager
def servers(environments: list[Environment], cores: Cores, workdir: Path, smoke: bool) -> Iterator[dict[tuple[str, str], str]]:
    """Every app served at once on the server core; yields each (framework id, app) base URL, once all answer."""
    running: list[subprocess.Popen[str]] = []
    urls = {}
    try:
        for environment in environments:
            for module in environment.framework.apps:
                port = free_port()
                log = workdir / f"{environment.framework.id}-{module}-server.log"
                with log.open("w") as errors:
                    server = subprocess.Popen(
                        [*cores.server, *server_command(environment, module, port, smoke)],
                        cwd=environment.framework.app_dir, env=environment.env,
                        stdout=subprocess.DEVNULL, stderr=errors, text=True,
                    )
                running.append(server)
                wait_until_up(f"http://127.0.0.1:{port}/plaintext", server, log)
                urls[environment.framework.id, module] = f"http://127.0.0.1:{port}"
        yield urls
    finally:
        for server in running:
            server.terminate()
        for server in running:
            server.wait(timeout=10)


def throughput(
    environments: list[Environment], endpoints: list[MeasuredEndpoint], settings: Settings, cores: Cores,
    workdir: Path, smoke: bool,
) -> dict[str, object]:
    """One run: servers up, a warm-up of every endpoint, then the interleaved rounds."""
    with servers(environments, cores, workdir, smoke) as urls:
        if settings.warm_up_seconds:  # imports, caches, database connections
            for base in urls.values():
                for endpoint in endpoints:
                    wrk(cores, base + endpoint.path, settings.warm_up_seconds)
        samples: dict[str, dict[str, dict[str, dict[str, list[float]]]]] = {
            endpoint.id: {framework_id: {} for framework_id, _ in urls} for endpoint in endpoints
        }
        for _ in range(settings.rounds):
            for endpoint in endpoints:
                for (framework_id, module), base in urls.items():
                    result = wrk(cores, base + endpoint.path, settings.seconds)
                    recorded = samples[endpoint.id][framework_id].setdefault(module, {key: [] for key in result})
                    for key, value in result.items():
                        recorded[key].append(value)
        return samples


def machine() -> str:
    cpu = "unknown processor"
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        names = re.findall(r"^model name\s*:\s*(.+)$", cpuinfo.read_text(), re.MULTILINE)
        cpu = names[0].strip() if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kib = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))  # type: ignore[union-attr]
        memory = f", {round(kib / 1024 / 1024)} GiB RAM"
    return f"{cpu}, {os.cpu_count()} cores{memory}, {platform.system()} {platform.release()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_mutually_exclusive_group()
    modes.add_argument("--quick", action="store_true", help="one short run of everything, to check the script works")
    modes.add_argument("--smoke", action="store_true",
                      help="no installs, no network: this environment's frameworks and servers, one round of 1 s")
    parser.add_argument("--python", default=sys.executable,
                        help="Python for the measured environments, one the pinned frameworks support (default: this one)")
    parser.add_argument("--output", type=Path, default=OUTPUT,
                        help=f"YAML file to read the setup from and write (default {OUTPUT.relative_to(ROOT)})")
    arguments = parser.parse_args()
    mode = "smoke" if arguments.smoke else "quick" if arguments.quick else ""
    settings = {"smoke": SMOKE, "quick": QUICK, "": FULL}[mode]
    setup, frameworks, endpoint_block, endpoints = read_setup(arguments.output)
    server = server_name(frameworks, arguments.smoke)  # before measuring: --smoke stops here if a server is missing
    python = sys.executable if arguments.smoke else arguments.python  # --smoke measures this very environment
    python_version = run([python, "-c", "import platform; print(platform.python_version())"]).stdout.strip()
    # wrk prints its version and exits with status 1
    wrk_version = subprocess.run(["wrk", "--version"], capture_output=True, text=True, check=False).stdout.split()[1]
    wrk_version = wrk_version.removeprefix("debian/")
    cores = Cores.of_this_machine()
    footprints, runs = {}, []
    with tempfile.TemporaryDirectory() as scratch:
        workdir = Path(scratch)
        database = workdir / "perf.sqlite3"
        seed_database(database)
        environments = []
        for framework in frameworks:
            print(f"{framework.id}: {'this environment' if arguments.smoke else 'installing'}", file=sys.stderr)
            venv, footprints[framework.id] = (installed_footprint(framework) if arguments.smoke
                                              else footprint(python, framework, workdir))
            env = {**os.environ, "PERF_DB": str(database), "PYTHONDONTWRITEBYTECODE": "1"}
            environments.append(Environment(framework, venv, env))
        for number in range(1, settings.runs + 1):
            print(f"run {number}: start-up", file=sys.stderr)
            baseline, startups = startup(python, environments, settings.startup_rounds)
            print(f"run {number}: throughput", file=sys.stderr)
            loads = throughput(environments, endpoints, settings, cores, workdir, arguments.smoke)
            runs.append({"baseline_startup_ms": baseline, "startup": startups, "throughput": loads})
    document = {
        "id": arguments.output.stem,
        "criterion": "performance",
        "measured": datetime.date.today(),
        "machine": machine(),
        "python": python_version,
        "command": "python scripts/measure_performance.py" + (f" --{mode}" if mode else ""),
        "setup": setup,
        "endpoints": endpoint_block,
        "server": server,
        "load": f"wrk {wrk_version}, 1 thread, {WRK_CONNECTIONS} connections, loads of {settings.seconds} s"
                + (f" after a {settings.warm_up_seconds} s warm-up per endpoint" if settings.warm_up_seconds else ""),
        "method": f"{settings.runs} run(s)" + (", servers restarted in between" if settings.runs > 1 else "")
                  + f"; per run, {settings.rounds} interleaved "
                  f"round(s) of every app and endpoint and {settings.startup_rounds} of start-up; {cores.describe()}",
        "footprint": footprints,
        "runs": runs,
    }
    arguments.output.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Written by scripts/measure_performance.py, which reads `setup` and `endpoints` from this file and\n"
              "# keeps them; edit those, then rerun the script rather than editing numbers by hand.\n")
    arguments.output.write_text(header + yaml.safe_dump(document, sort_keys=False, allow_unicode=True, default_flow_style=None,
                                                        width=250))
    print(f"wrote {arguments.output}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
