"""The frozen programs' entry point (packaging/build.py): one script, two executables in one folder.

`Songjiao` (windowed) is always the desktop app, as `songjiao-gui` is for a pip install; `songjiao-cli`
(console on Windows; elsewhere a symbolic link to `Songjiao`) is the full command line. The name it was
started by says which it is.
"""

import os
import sys

from app.__main__ import gui_main, main

if __name__ == "__main__":
    # argv[0], not sys.executable: outside Windows `songjiao-cli` is a symbolic link to `Songjiao`, and the
    # bootloader resolves sys.executable through it.
    name = os.path.splitext(os.path.basename(sys.argv[0]))[0]
    sys.exit(gui_main() if name == "Songjiao" else main())
