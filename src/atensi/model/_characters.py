"""The characters text may not hold, and blank characters. GENERATED: do not edit.

Regenerate with ``python tools/gen_characters.py`` (which says what is refused and why). Source:
the Unicode Character Database, version 16.0.0 (general categories through ``unicodedata2``
16.0.0; ``Other_Default_Ignorable_Code_Point`` and ``Variation_Selector`` from its
PropList.txt). Every interpreter reads this table, whatever Unicode version its own
``unicodedata`` has, so the library and its JSON Schema accept the same text everywhere.

Format: inclusive ``(first, last)`` code point ranges, sorted, each with the category and name of
its ends.
"""

UNICODE_VERSION = "16.0.0"

#: Refused in all text (tab, line feed and carriage return are allowed in long text).
REFUSED: tuple[tuple[int, int], ...] = (
    (0x0000, 0x001F),  # Cc <Cc> .. Cc <Cc>
    (0x007F, 0x009F),  # Cc <Cc> .. Cc <Cc>
    (0x00AD, 0x00AD),  # Cf SOFT HYPHEN
    (0x034F, 0x034F),  # Mn COMBINING GRAPHEME JOINER
    (0x0600, 0x0605),  # Cf ARABIC NUMBER SIGN .. Cf ARABIC NUMBER MARK ABOVE
    (0x061C, 0x061C),  # Cf ARABIC LETTER MARK
    (0x06DD, 0x06DD),  # Cf ARABIC END OF AYAH
    (0x070F, 0x070F),  # Cf SYRIAC ABBREVIATION MARK
    (0x0890, 0x0891),  # Cf ARABIC POUND MARK ABOVE .. Cf ARABIC PIASTRE MARK ABOVE
    (0x08E2, 0x08E2),  # Cf ARABIC DISPUTED END OF AYAH
    (0x115F, 0x1160),  # Lo HANGUL CHOSEONG FILLER .. Lo HANGUL JUNGSEONG FILLER
    (0x17B4, 0x17B5),  # Mn KHMER VOWEL INHERENT AQ .. Mn KHMER VOWEL INHERENT AA
    (0x180E, 0x180E),  # Cf MONGOLIAN VOWEL SEPARATOR
    (0x200B, 0x200F),  # Cf ZERO WIDTH SPACE .. Cf RIGHT-TO-LEFT MARK
    (0x2028, 0x202E),  # Zl LINE SEPARATOR .. Cf RIGHT-TO-LEFT OVERRIDE
    (0x2060, 0x206F),  # Cf WORD JOINER .. Cf NOMINAL DIGIT SHAPES
    (0x2800, 0x2800),  # So BRAILLE PATTERN BLANK
    (0x3164, 0x3164),  # Lo HANGUL FILLER
    (0xD800, 0xDFFF),  # Cs <Cs> .. Cs <Cs>
    (0xFEFF, 0xFEFF),  # Cf ZERO WIDTH NO-BREAK SPACE
    (0xFFA0, 0xFFA0),  # Lo HALFWIDTH HANGUL FILLER
    (0xFFF0, 0xFFFB),  # Cn <Cn> .. Cf INTERLINEAR ANNOTATION TERMINATOR
    (0x110BD, 0x110BD),  # Cf KAITHI NUMBER SIGN
    (0x110CD, 0x110CD),  # Cf KAITHI NUMBER SIGN ABOVE
    (0x13430, 0x1343F),  # Cf EGYPTIAN HIEROGLYPH VERTICAL JOINER .. Cf EGYPTIAN HIEROGLYPH END WALLED ENCLOSURE
    (0x1BCA0, 0x1BCA3),  # Cf SHORTHAND FORMAT LETTER OVERLAP .. Cf SHORTHAND FORMAT UP STEP
    (0x1D173, 0x1D17A),  # Cf MUSICAL SYMBOL BEGIN BEAM .. Cf MUSICAL SYMBOL END PHRASE
    (0xE0000, 0xE00FF),  # Cn <Cn> .. Cn <Cn>
    (0xE01F0, 0xE0FFF),  # Cn <Cn> .. Cn <Cn>
)

#: White space and variation selectors: text of these only is blank.
BLANK: tuple[tuple[int, int], ...] = (
    (0x0009, 0x000D),  # Cc <Cc> .. Cc <Cc>
    (0x001C, 0x0020),  # Cc <Cc> .. Zs SPACE
    (0x0085, 0x0085),  # Cc <Cc>
    (0x00A0, 0x00A0),  # Zs NO-BREAK SPACE
    (0x1680, 0x1680),  # Zs OGHAM SPACE MARK
    (0x180B, 0x180D),  # Mn MONGOLIAN FREE VARIATION SELECTOR ONE .. Mn MONGOLIAN FREE VARIATION SELECTOR THREE
    (0x180F, 0x180F),  # Mn MONGOLIAN FREE VARIATION SELECTOR FOUR
    (0x2000, 0x200A),  # Zs EN QUAD .. Zs HAIR SPACE
    (0x202F, 0x202F),  # Zs NARROW NO-BREAK SPACE
    (0x205F, 0x205F),  # Zs MEDIUM MATHEMATICAL SPACE
    (0x3000, 0x3000),  # Zs IDEOGRAPHIC SPACE
    (0xFE00, 0xFE0F),  # Mn VARIATION SELECTOR-1 .. Mn VARIATION SELECTOR-16
    (0xE0100, 0xE01EF),  # Mn VARIATION SELECTOR-17 .. Mn VARIATION SELECTOR-256
)
