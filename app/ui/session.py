"""What the window knows about this run: the store, who is logged in, the task runner and the change bus."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Concatenate, TypeVar

from app.paths import AppPaths
from app.services.context import SYSTEM, Actor, Changes, Outcome, ServiceContext, Store, recorded
from app.ui.bus import Bus
from app.ui.prefs import load_prefs, save_prefs
from app.ui.tasks import BaseRunner, Task

R = TypeVar("R")  # what the service call returns: the type its on_done receives


class AppSession:
    """One logged-in user on one open database; pages receive it and use nothing global."""

    def __init__(
        self,
        store: Store,
        runner: BaseRunner,
        actor: Actor = SYSTEM,
        *,
        language: str = "zh_CN",
        today: dt.date | None = None,
    ) -> None:
        self.store = store
        self.runner = runner
        self.actor = actor
        self.bus = Bus()
        self.language = language
        self.today_override = today

    @property
    def paths(self) -> AppPaths:
        return self.store.paths

    @property
    def ctx(self) -> ServiceContext:
        """A fresh context per call, for the user logged in."""
        return ServiceContext(self.store, self.actor, self.today_override)

    def can(self, *roles: str) -> bool:
        return self.actor.role in roles or self.actor.role == "system"

    def read(
        self,
        fn: Callable[Concatenate[ServiceContext, ...], R],
        *args: Any,
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        **kwargs: Any,
    ) -> Task:
        """A service call in the background: ``fn(ctx, *args, **kwargs)``."""
        return self.runner.submit(fn, self.ctx, *args, on_done=on_done, on_error=on_error, **kwargs)

    def write(
        self,
        fn: Callable[Concatenate[ServiceContext, ...], R],
        *args: Any,
        on_done: Callable[[R], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        initiator: object | None = None,
        **kwargs: Any,
    ) -> Task:
        """Like :meth:`read`, then announces what the write changed, ``data_changed(changes, initiator)``, after
        ``on_done`` ran. ``initiator`` is who asked (a page, an editor): a page skips its own writes' notices.

        The worker runs the call through ``recorded``, so the task's result is the write's
        :class:`~app.services.context.Outcome`: ``on_done`` receives its result, the bus its changes."""

        def done(outcome: Outcome[R]) -> None:
            if on_done is not None:
                on_done(outcome.result)
            if outcome.changes:
                self.bus.data_changed.emit(outcome.changes, initiator)

        name = kwargs.pop("name", None) or getattr(fn, "__name__", "write")
        return self.runner.submit(
            recorded, fn, self.ctx, *args, on_done=done, on_error=on_error, name=name, **kwargs
        )

    def announce_everything(self) -> None:
        """Every open page reloads (a restore, a finished exchange: anything may have changed)."""
        self.bus.data_changed.emit(Changes.everything(), None)


__all__ = ["AppSession", "load_prefs", "save_prefs"]
