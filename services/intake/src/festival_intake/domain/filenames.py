"""Checking the name a student gives an uploaded file.

The name is only metadata (objects are stored under generated keys), but it is shown to admins, put in
download headers and archives, and opened on Windows machines, so it must be one plain, printable name.
Pure: no I/O.
"""

from __future__ import annotations

import unicodedata

MAX_LENGTH = 200

# Device names Windows reserves whatever the extension ("con.mp4" is the console too).
_WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"{dev}{n}" for dev in ("com", "lpt") for n in (*"123456789", "¹", "²", "³")}
)
_WINDOWS_FORBIDDEN = frozenset('<>:"|?*')


class BadFilename(Exception):
    """A file name the platform refuses; ``message_zh`` / ``message_en`` tell the user what to do."""

    def __init__(self, code: str, message_zh: str, message_en: str) -> None:
        super().__init__(f"{code}: {message_en}")
        self.code = code
        self.message_zh = message_zh
        self.message_en = message_en


def _bad(message_zh: str, message_en: str) -> BadFilename:
    return BadFilename("bad_filename", message_zh, message_en)


def check_filename(name: str) -> str:
    """Return ``name`` NFC-normalised and stripped of surrounding spaces, or raise :class:`BadFilename`."""
    if not isinstance(name, str):
        raise _bad("文件名无效，请重新选择文件。", "The file name is not valid: choose the file again.")
    name = unicodedata.normalize("NFC", name)
    # Control and format characters (NUL, newline, tab, zero-width and bidi overrides such as U+202E)
    # and lone surrogates are refused even at the ends, before stripping.
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs") for ch in name):
        raise _bad(
            "文件名含有不可见字符或控制字符（如换行、方向控制符），请重命名文件后重新上传。",
            "The file name contains invisible or control characters (such as a line break or a "
            "direction override): rename the file and upload it again.",
        )
    name = name.strip()
    if not name:
        raise _bad("文件名不能为空，请为文件命名后重新上传。", "The file name is empty: name the file and upload it again.")
    if len(name) > MAX_LENGTH:
        raise _bad(
            f"文件名过长（{len(name)} 个字符），请缩短到 {MAX_LENGTH} 个字符以内后重新上传。",
            f"The file name is too long ({len(name)} characters): shorten it to at most "
            f"{MAX_LENGTH} characters and upload it again.",
        )
    if "/" in name or "\\" in name or name == "..":
        raise _bad(
            "文件名不能包含“/”“\\”或路径，请只使用文件本身的名字。",
            'The file name must not contain "/", "\\" or a path: use the plain name of the file.',
        )
    if name.startswith("."):
        raise _bad(
            "文件名不能以“.”开头，请重命名文件（例如“我的作品.mp4”）后重新上传。",
            'The file name must not start with ".": rename the file (for example "my-film.mp4") '
            "and upload it again.",
        )
    if name.endswith("."):
        raise _bad(
            "文件名不能以“.”结尾，请加上正确的扩展名（如 .mp4、.jpg、.pdf）后重新上传。",
            'The file name must not end with ".": give it its extension (such as .mp4, .jpg or .pdf) '
            "and upload it again.",
        )
    if any(ch in _WINDOWS_FORBIDDEN for ch in name):
        raise _bad(
            '文件名不能包含以下字符：< > : " | ? *，请重命名文件后重新上传。',
            'The file name must not contain any of < > : " | ? *: rename the file and upload it again.',
        )
    if name.split(".", 1)[0].rstrip(" ").lower() in _WINDOWS_RESERVED:
        raise _bad(
            "文件名使用了系统保留名称（如 CON、NUL、COM1），请换一个名字后重新上传。",
            "The file name is a name the system reserves (such as CON, NUL or COM1): choose another "
            "name and upload it again.",
        )
    return name
