"""`python -m app` and the `songjiao` command: the GUI by default, or a CLI subcommand."""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    import multiprocessing

    # A frozen (PyInstaller) build starts export workers by running this executable again:
    # freeze_support makes such a child run its task instead of the app. No-op otherwise.
    multiprocessing.freeze_support()
    from app import logs
    from app.cli.main import run, unexpected_line

    # Errors outside a command (a worker thread of the CLI): logged with a reference; the desktop replaces
    # these hooks with its dialog (app/ui/crash.py).
    logs.install_excepthooks(
        lambda reference: print(unexpected_line(reference, logs.current_log_file()), file=sys.stderr)
    )

    return run(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
