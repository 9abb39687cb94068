"""macOS: CoreGraphics and CoreFoundation are loaded by their framework paths when ctypes.util.find_library finds
nothing (a frozen app, a Python without the dyld cache look-up). The fallback was the bare name, which dlopen
never finds for a framework (it searches DYLD paths and /usr/lib, not /System/Library/Frameworks): the screen
lock check was then silently off. Runs anywhere: the loader is a stand-in that records what it is asked for."""

from __future__ import annotations

import ctypes
import ctypes.util

from app.ui import lock


def test_the_frameworks_are_loaded_by_path_when_find_library_finds_nothing(monkeypatch):
    asked: list[str] = []

    def load(name: str):
        asked.append(name)
        raise OSError(f"dlopen({name}): image not found")

    monkeypatch.setattr(ctypes.util, "find_library", lambda _name: None)
    monkeypatch.setattr(ctypes.cdll, "LoadLibrary", load)
    assert lock.quartz_screen_locked() is None  # nothing loaded here: the idle time still locks
    assert asked == ["/System/Library/Frameworks/CoreGraphics.framework/CoreGraphics"]
