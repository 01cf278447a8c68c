"""Build the bundled CJK font: Noto Sans CJK SC (SIL OFL 1.1) subset to GB2312 + Latin + punctuation.

Usage: python scripts/build_cjk_font.py NotoSansCJK-Regular.ttc
(the .ttc comes with Debian's fonts-noto-cjk package; face 2 is Simplified Chinese).
The subset is renamed, as the OFL asks of modified versions.
"""

import sys
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTCollection

FAMILY = "Ecomcourse Sans SC"
OUT = Path(__file__).resolve().parents[1] / "src/ecomcourse/fonts/EcomcourseSansSC-Regular.otf"
RANGES = [(0x20, 0x7E), (0xA0, 0xFF), (0x2000, 0x206F), (0x2100, 0x22FF), (0x2460, 0x24FF),
          (0x25A0, 0x25FF), (0x3000, 0x303F), (0xFF00, 0xFFEF)]


def gb2312_chars() -> set[str]:
    chars = set()
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                chars.add(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return chars


def main(ttc_path: str) -> None:
    font = TTCollection(ttc_path).fonts[2]
    codepoints = {ord(c) for c in gb2312_chars()}
    for lo, hi in RANGES:
        codepoints.update(range(lo, hi + 1))
    options = subset.Options()
    options.name_IDs = ["*"]
    options.layout_features = ["*"]
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=codepoints)
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            names.setName(FAMILY, record.nameID, record.platformID, record.platEncID, record.langID)
        elif record.nameID in (3, 4):
            names.setName(f"{FAMILY} Regular", record.nameID, record.platformID,
                          record.platEncID, record.langID)
        elif record.nameID == 6:
            names.setName("EcomcourseSansSC-Regular", 6, record.platformID,
                          record.platEncID, record.langID)
    font.save(OUT)
    print(f"{OUT}: {OUT.stat().st_size / 1e6:.1f} MB, {len(codepoints)} code points")


if __name__ == "__main__":
    main(sys.argv[1])
