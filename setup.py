"""The part of the build pyproject.toml cannot say: the repository's top-level data folders ship inside `app`.

`resources/` becomes the package data of `app._resources` and `migrations/` the package `app._migrations`, so an
installed Songjiao (wheel, pipx, frozen) finds them beside its code (app/paths.py) while the checkout keeps its
layout. The package list is found, not written out, so a new subpackage of `app` cannot be left out of the wheel.
"""

from pathlib import Path

from setuptools import find_packages, setup

# resources/fonts, resources/help/zh_CN, ... are data folders; listed as (data-only) packages so setuptools copies
# them without its "absent from the packages configuration" warning. What they hold: package-data in pyproject.
RESOURCES = Path(__file__).parent / "resources"
DATA_FOLDERS = sorted(
    "app._resources." + ".".join(path.relative_to(RESOURCES).parts) for path in RESOURCES.rglob("*") if path.is_dir()
)

setup(
    packages=[
        *find_packages(include=["app", "app.*"]),
        "app._resources",
        *DATA_FOLDERS,
        "app._migrations",
        "app._migrations.versions",
    ],
    package_dir={"app._resources": "resources", "app._migrations": "migrations"},
)
