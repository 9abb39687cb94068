"""Make the PDF fallback font: the glyphs of packaging/fallback-chars.txt from Hanazono Mincho, renamed.

    python packaging/make_fallback_font.py [--hanazono /usr/share/fonts/truetype/hanazono]

WenQuanYi Zen Hei (the PDFs' font) stops at the Basic Multilingual Plane: a child named 𠮷 or 𬣙 (CJK
Extension B and later, used in rural given names) would print as a blank box. Hanazono Mincho (GlyphWiki,
Debian's fonts-hanazono: HanaMinA for the BMP, HanaMinB for Extensions B-F) has them, but is 53 MB; the frozen
build's budget is 180 MB. So only the characters listed in packaging/fallback-chars.txt are kept (a few
hundred KB), merged into one TrueType file: resources/fonts/songjiao-han-fallback.ttf, which
app/reports/pdf/fonts.py uses glyph by glyph where Zen Hei has none.

Licence: Hanazono is dual-licensed, the Hanazono Font License or the SIL Open Font License 1.1; we take the
OFL (resources/fonts/songjiao-han-fallback.LICENSE.txt). A subset is a Modified Version under the OFL, and
"Hanazono Font", "HanaMinA", "HanaMinB" are Reserved Font Names: the subset is renamed "Songjiao Han
Fallback" (the name table is rewritten here), and keeps the copyright notice.

Needs fontTools (pip install fonttools; in the `build` extra). The output is committed: run this only when
the character list changes, then run the PDF tests (tests/reports/test_rare_names.py).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CHARS = ROOT / "packaging" / "fallback-chars.txt"
OUT = ROOT / "resources" / "fonts" / "songjiao-han-fallback.ttf"
FAMILY = "Songjiao Han Fallback"
POSTSCRIPT = "SongjiaoHanFallback"


def code_points(path: Path = CHARS) -> list[int]:
    """The code points of the list (``U+XXXX<tab>char<tab>source`` lines; ``#`` lines are comments)."""
    found: list[int] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        field, char, *_source = line.split("\t")
        value = int(field.removeprefix("U+"), 16)
        if chr(value) != char:
            raise SystemExit(f"{path.name}:{number}: {field} is not {char!r}")
        found.append(value)
    return sorted(set(found))


def _subset(source: Path, wanted: set[int], target: Path) -> set[int]:
    from fontTools import subset
    from fontTools.ttLib import TTFont

    font = TTFont(source)
    have = wanted & set(font.getBestCmap())
    if not have:
        return set()
    options = subset.Options()
    options.name_IDs = ["*"]
    options.notdef_outline = True
    options.layout_features = []  # no OpenType features: reportlab draws glyph by glyph
    options.hinting = False  # a printed page does not need hints; about a third smaller
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(have))
    subsetter.subset(font)
    font.save(target)
    return have


def _rename(font) -> None:  # type: ignore[no-untyped-def]
    """The OFL's Reserved Font Names may not name a Modified Version: every name record is rewritten."""
    copyright_text = font["name"].getDebugName(0) or "Copyright 2008-2017 GlyphWiki Project."
    names = {
        0: copyright_text + " Subset for Songjiao (renamed as the SIL OFL requires).",
        1: FAMILY,
        2: "Regular",
        3: f"{POSTSCRIPT}-Regular",
        4: FAMILY,
        5: "Version 1.0 (subset of Hanazono Mincho 20170904)",
        6: POSTSCRIPT,
        13: "SIL Open Font License 1.1",
        14: "https://openfontlicense.org",
    }
    table = font["name"]
    table.names = []
    for name_id, text in names.items():
        table.setName(text, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, English
        table.setName(text, name_id, 1, 0, 0)  # Macintosh, Roman, English


def make(hanazono: Path, out: Path = OUT) -> tuple[int, int]:
    """Write the fallback font; (characters kept, bytes)."""
    from fontTools.merge import Merger
    from fontTools.ttLib import TTFont

    wanted = set(code_points())
    parts: list[Path] = []
    covered: set[int] = set()
    with tempfile.TemporaryDirectory() as folder:
        for name in ("HanaMinA.ttf", "HanaMinB.ttf"):
            part = Path(folder) / name
            kept = _subset(hanazono / name, wanted - covered, part)
            if kept:
                parts.append(part)
                covered |= kept
        missing = wanted - covered
        if missing:
            listed = " ".join(f"U+{c:04X}" for c in sorted(missing))
            raise SystemExit(f"Hanazono has no glyph for: {listed}")
        font = Merger().merge([str(p) for p in parts]) if len(parts) > 1 else TTFont(parts[0])
        _rename(font)
        out.parent.mkdir(parents=True, exist_ok=True)
        font.save(out)
    return len(covered), out.stat().st_size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--hanazono", type=Path, default=Path("/usr/share/fonts/truetype/hanazono"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    count, size = make(args.hanazono, args.out)
    print(f"wrote {args.out}: {count} characters, {size / 1024:.0f} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
