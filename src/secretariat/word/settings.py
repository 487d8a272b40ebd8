"""Write the settings part: odd and even running heads, footnote separators, Word 2013+ layout, language."""

from __future__ import annotations

from functools import lru_cache

from secretariat.word.footnotes import CONTINUATION_ID, SEPARATOR_ID
from secretariat.word.ooxml import root, serialize, sub

_WORD_URI = "http://schemas.microsoft.com/office/word"


@lru_cache(maxsize=8)
def settings_part(language: str, track: bool = False) -> bytes:
    """Return the settings part (children in the schema's order); track turns on change tracking for editors."""
    settings = root("settings")
    sub(settings, "zoom", percent="100")
    if track:
        sub(settings, "trackRevisions")
    sub(settings, "defaultTabStop", val="288")
    sub(settings, "evenAndOddHeaders")
    sub(settings, "characterSpacingControl", val="doNotCompress")
    footnotes = sub(settings, "footnotePr")
    for note_id in (SEPARATOR_ID, CONTINUATION_ID):
        sub(footnotes, "footnote", id=str(note_id))
    compat = sub(settings, "compat")
    sub(compat, "compatSetting", name="compatibilityMode", uri=_WORD_URI, val="15")
    sub(settings, "themeFontLang", val=language)
    sub(settings, "decimalSymbol", val=".")
    sub(settings, "listSeparator", val=",")
    return serialize(settings)
