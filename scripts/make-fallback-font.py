#!/usr/bin/python3
"""Makes assets/fonts/NotoSansCJKjp-Fallback.ttf, the report's fallback font, once at
development time: the glyphs of Noto Sans CJK JP Regular (SIL OFL 1.1, Debian package
fonts-noto-cjk) for the characters BIZ UDPGothic lacks among
  - JIS X 0213 (every character of the euc_jis_2004 codec: names such as 𠮷, 﨑's relatives),
  - every character outside the Basic Multilingual Plane that the Japanese face maps (the
    Adobe-Japan1 ideographs of CJK extension B and later, such as 𠮷),
  - common symbols (arrows, geometric shapes, dingbats, enclosed numbers, CJK
    compatibility forms),
with the outlines converted from CFF to TrueType (quadratic) so the report embeds and
subsets it like the main font. Hinting and layout tables are dropped.

Usage (Debian 12):
  apt-get install python3-fonttools && apt-get download fonts-noto-cjk
  dpkg-deb -x fonts-noto-cjk_*.deb x
  /usr/bin/python3 scripts/make-fallback-font.py x/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
"""
import sys

from fontTools.ttLib import TTFont, newTable
from fontTools import subset
from fontTools.pens.cu2quPen import Cu2QuPen
from fontTools.pens.ttGlyphPen import TTGlyphPen

MAIN = "assets/fonts/BIZUDPGothic-Regular.ttf"
OUT = "assets/fonts/NotoSansCJKjp-Fallback.ttf"
SYMBOL_BLOCKS = [
    (0x2000, 0x206F), (0x2100, 0x214F), (0x2190, 0x21FF), (0x2200, 0x22FF),
    (0x2300, 0x23FF), (0x2460, 0x24FF), (0x2500, 0x25FF), (0x2600, 0x26FF),
    (0x2700, 0x27BF), (0x2B00, 0x2BFF), (0x3200, 0x33FF), (0xF900, 0xFAFF),
    (0xFF00, 0xFFEF),
]


def wanted(main_cmap, have):
    chars = {c for c in have if c > 0xFFFF}
    for cp in range(0x20, 0x30000):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        try:
            chr(cp).encode("euc_jis_2004")
            chars.add(cp)
        except UnicodeEncodeError:
            pass
    for lo, hi in SYMBOL_BLOCKS:
        chars.update(range(lo, hi + 1))
    return {c for c in chars if c not in main_cmap}


def to_truetype(font):
    """CFF outlines to glyf (the fontTools otf2ttf recipe)."""
    order = font.getGlyphOrder()
    gs = font.getGlyphSet()
    glyf = newTable("glyf")
    glyf.glyphOrder = order
    glyf.glyphs = {}
    for name in order:
        pen = TTGlyphPen(gs)
        gs[name].draw(Cu2QuPen(pen, 1.0, reverse_direction=True))
        glyf.glyphs[name] = pen.glyph()
    font["glyf"] = glyf
    font["loca"] = newTable("loca")
    del font["CFF "]
    if "VORG" in font:
        del font["VORG"]
    font["maxp"] = newTable("maxp")
    m = font["maxp"]
    m.tableVersion = 0x00010000
    for k in ("maxZones", "maxTwilightPoints", "maxStorage", "maxFunctionDefs",
              "maxInstructionDefs", "maxStackElements", "maxSizeOfInstructions",
              "maxComponentElements", "maxPoints", "maxContours",
              "maxCompositePoints", "maxCompositeContours", "maxComponentDepth"):
        setattr(m, k, 0)
    m.maxZones = 1
    m.numGlyphs = len(order)
    font["head"].glyphDataFormat = 0
    font["post"].formatType = 3.0
    font.sfntVersion = "\x00\x01\x00\x00"


def main():
    src = sys.argv[1]
    main_cmap = TTFont(MAIN).getBestCmap()
    font = TTFont(src, fontNumber=0)  # face 0: Noto Sans CJK JP
    have = font.getBestCmap()
    chars = sorted(c for c in wanted(main_cmap, have) if c in have)
    opts = subset.Options()
    opts.hinting = False
    opts.layout_features = []
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    opts.desubroutinize = True
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=chars)
    sub.subset(font)
    to_truetype(font)
    for t in ("GSUB", "GPOS", "GDEF", "BASE", "vhea", "vmtx", "DSIG"):
        if t in font:
            del font[t]
    font.save(OUT)
    print(f"{OUT}: {len(chars)} characters")


main()
