"""JPEG by content: the marker segments up to the scan, the end-of-image marker, and one decode with PyAV."""

from __future__ import annotations

import av
import numpy as np

from festival_decisions.inspection.files import Still

# Frame headers (SOF0-SOF15) except DHT (C4), JPG (C8) and DAC (CC), which share the range.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_STANDALONE = {0x01, *range(0xD0, 0xD8)}
# Decoding allocates width*height before reading a pixel: a forged header must not take the memory.
MAX_PIXELS = 40_000_000


def examine(data: bytes, complete: bool = True) -> Still:
    """Parse and decode `data` (the whole file when `complete`; else only its header is judged)."""
    if not data.startswith(b"\xff\xd8"):
        return Still(problem_zh="不是 JPEG 文件（缺少 JPEG 起始标记）", problem_en="not a JPEG file (no start-of-image marker)")
    header = _frame_header(data)
    if isinstance(header, Still):
        return header
    width, height, scan = header
    if width == 0 or height == 0:
        return Still(problem_zh="JPEG 文件头中的尺寸无效", problem_en="the JPEG header declares no valid size")
    if complete and data.find(b"\xff\xd9", scan) < 0:
        return Still(width, height, "文件不完整（缺少 JPEG 结束标记），可能下载或导出中断",
                     "the file is incomplete (no end-of-image marker): a download or export was cut short")
    if not complete or width * height > MAX_PIXELS:
        return Still(width, height)
    return _decoded(data, width, height)


def _frame_header(data: bytes) -> tuple[int, int, int] | Still:
    """(width, height, offset of the scan) from the marker segments, or why they are broken."""
    i, size = 2, None
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            break
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte before a marker
            i += 1
            continue
        if marker in _STANDALONE:
            i += 2
            continue
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if marker == 0xDA:
            return (*size, i) if size else _broken("图像数据前没有帧头", "no frame header before the image data")
        if marker in _SOF and i + 9 <= len(data):
            size = (int.from_bytes(data[i + 7 : i + 9], "big"), int.from_bytes(data[i + 5 : i + 7], "big"))
        if length < 2:
            break
        i += 2 + length
    return _broken("JPEG 文件头损坏或不完整", "the JPEG header is damaged or incomplete")


def _decoded(data: bytes, width: int, height: int) -> Still:
    try:
        decoder = av.CodecContext.create("mjpeg", "r")
        frames = [*decoder.decode(av.Packet(data)), *decoder.decode(None)]
    except (av.FFmpegError, ValueError, EOFError):
        frames = []
    if not frames:
        return _broken("图像数据无法解码", "the picture data cannot be decoded", width, height)
    luma = frames[0].to_ndarray(format="gray")
    return Still(frames[0].width, frames[0].height, luma_std=float(np.std(luma)))


def _broken(zh: str, en: str, width: int = 0, height: int = 0) -> Still:
    return Still(width, height, zh, en)
