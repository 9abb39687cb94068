"""The frozen programs' entry point (packaging/build.py): one script, two executables in one folder.

`Songjiao` (windowed) is always the desktop app, as `songjiao-gui` is for a pip install; `songjiao-cli`
(console on Windows; elsewhere a script starting `Songjiao --cli`) is the full command line.
"""

import os
import sys

from app.__main__ import gui_main, main

if __name__ == "__main__":
    if sys.argv[1:2] == ["--cli"]:  # outside Windows, `songjiao-cli` is a script that starts this so
        del sys.argv[1]
        sys.exit(main())
    name = os.path.splitext(os.path.basename(sys.executable))[0]
    sys.exit(gui_main() if name == "Songjiao" else main())
