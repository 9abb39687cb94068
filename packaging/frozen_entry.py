"""The frozen programs' entry point (packaging/build.py): one script, two executables in one folder.

`Songjiao` (windowed) is always the desktop app, as `songjiao-gui` is for a pip install; `songjiao-cli`
(console) is the full command line. The executable's own name says which it is.
"""

import os
import sys

from app.__main__ import gui_main, main

if __name__ == "__main__":
    name = os.path.splitext(os.path.basename(sys.executable))[0]
    sys.exit(gui_main() if name == "Songjiao" else main())
