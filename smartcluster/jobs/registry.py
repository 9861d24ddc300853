"""Job kinds: a name -> function table filled by the apps that own the work (only registered kinds can run)."""

from __future__ import annotations

from collections.abc import Callable

from django.utils.module_loading import autodiscover_modules

# A job function receives the job's parameters and a `progress(percent, message)` callback, and returns a JSON-able
# result; it raises JobProblems for bad input (listed to the user) and any other exception for a failure.
JobFunction = Callable[..., dict]
KINDS: dict[str, JobFunction] = {}


class JobProblems(Exception):
    """Bad input found by a job: `problems` is a list of {file, line, column, message} dicts."""

    def __init__(self, summary: str, problems: list[dict]) -> None:
        super().__init__(summary)
        self.summary = summary
        self.problems = problems


def register(kind: str) -> Callable[[JobFunction], JobFunction]:
    """Decorator: make `kind` runnable by the jobs app."""
    def decorate(function: JobFunction) -> JobFunction:
        KINDS[kind] = function
        return function
    return decorate


def kinds_discover() -> None:
    """Import every app's `jobs` and `services` modules, where kinds are registered: a worker process imports
    nothing else of the apps, and takes only the kinds it knows."""
    autodiscover_modules("jobs", "services")
