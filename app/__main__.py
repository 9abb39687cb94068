"""`python -m app` and the `songjiao` command: the GUI by default, or a CLI subcommand."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    if getattr(sys, "frozen", False):
        import multiprocessing

        # A frozen (PyInstaller) build starts export workers by running this executable again:
        # freeze_support makes such a child run its task instead of the app. A no-op unfrozen, where
        # importing multiprocessing would only cost every start (the login window's among them) 10 ms.
        multiprocessing.freeze_support()
    from app import logs
    from app.cli.main import run, unexpected_line

    # Errors outside a command (a worker thread of the CLI): logged with a reference; the desktop replaces
    # these hooks with its dialog (app/ui/crash.py).
    logs.install_excepthooks(
        lambda reference: print(unexpected_line(reference, logs.current_log_file()), file=sys.stderr)
    )

    return run(sys.argv[1:] if argv is None else argv)


def gui_main() -> int:
    """The `songjiao-gui` launcher (no console window on Windows): always the desktop app.

    `songjiao-gui FILE.sjb` (a double-clicked file) means `songjiao gui FILE.sjb`. A windowed program on
    Windows has no stdout/stderr; writing to them must not crash it, so they go to the null device.
    """
    import os

    for name in ("stdout", "stderr"):
        if getattr(sys, name) is None:
            setattr(sys, name, open(os.devnull, "w", encoding="utf-8"))  # noqa: SIM115 - lives as long as the process
    from app.cli.main import globals_end

    argv = sys.argv[1:]
    at = globals_end(argv)
    if argv[at : at + 1] != ["gui"]:  # global options stay in front; the file and --check go after "gui"
        argv = [*argv[:at], "gui", *argv[at:]]
    return main(argv)


if __name__ == "__main__":
    sys.exit(main())
