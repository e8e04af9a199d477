"""Display names of the codes pages show (statuses, file slots, checks): (中文, English). Text only, no rules."""

from __future__ import annotations

STATUS = {
    "draft": ("草稿", "Draft"), "submitted": ("已提交", "Submitted"), "returned": ("已退回修改", "Returned for fixes"),
    "withdrawn": ("已撤回（未完成）", "Withdrawn (unfinished)"),
    "awaiting_school": ("待学校审核", "Awaiting the school"), "awaiting_region": ("待地区审核", "Awaiting the region"),
    "awaiting_province": ("待省级资格审查", "Awaiting the province"), "qualified": ("已确认参评", "Qualified"),
    "disqualified": ("已取消资格", "Disqualified"), "not_reported": ("未报送", "Not reported"),
}  # fmt: skip
SLOTS = {
    "film": ("作品视频", "Film"), "cover": ("封面", "Cover"), "poster": ("海报", "Poster"),
    "application_form": ("作品申报表（签字盖章）", "Application form (signed)"),
    "copyright_declaration": ("著作权声明表（签字）", "Copyright declaration (signed)"),
    "source": ("源文件", "Source files"),
}
# The voice-over's language and how subtitles are carried (附件 四.3); "" is not stated yet.
VOICE_OVER = {"": ("未填写", "Not stated"), "mandarin": ("普通话", "Mandarin"), "dialect": ("方言", "A dialect"),
              "minority": ("少数民族语言", "A minority language"), "none": ("无配音", "No voice-over")}
SUBTITLES = {"": ("未填写", "Not stated"), "burned_in": ("字幕压制在画面上", "Burned into the picture"),
             "track": ("字幕轨道", "A subtitle track"), "none": ("无字幕", "No subtitles")}
TIERS = {"best": ("最佳作品", "Best"), "excellent": ("优秀作品", "Excellent"), "finalist": ("入围作品", "Finalist")}
SOURCE_STATUS = {"requested": ("已要求，待上传", "Asked, waiting"), "uploaded": ("已上传", "Uploaded"),
                 "overdue": ("已逾期未交", "Overdue")}
KINDS = {"mp4": "MP4", "jpeg": "JPEG", "pdf": "PDF", "png": "PNG"}
ACCEPT = {"mp4": "video/mp4,.mp4", "jpeg": "image/jpeg,.jpg,.jpeg", "pdf": "application/pdf,.pdf"}
TIMELINE = {
    "submitted": ("提交", "Submitted"), "forwarded_to_region": ("学校报送地区", "School forwarded to the region"),
    "returned": ("退回修改", "Returned for fixes"), "forwarded_to_province": ("地区报送省级", "Region forwarded to the province"),
    "qualified": ("确认参评资格", "Qualified"), "disqualified": ("取消参评资格", "Disqualified"),
    "closed_not_reported": ("截止时未报送", "Not reported by the deadline"), "withdrawn": ("撤回", "Withdrawn"),
    "inspected": ("技术检测完成", "Inspection finished"),
}  # fmt: skip
CHECKS = {
    "readable": ("文件可读取", "File readable"), "container": ("封装格式", "Container"),
    "video_codec": ("视频编码", "Video codec"), "resolution": ("分辨率", "Resolution"),
    "aspect_ratio": ("画面比例", "Aspect ratio"), "orientation": ("横竖方向", "Orientation"),
    "duration": ("时长", "Duration"), "bitrate": ("码率", "Bitrate"), "playability": ("可播放性", "Playability"),
    "frame_continuity": ("无跳帧漏帧", "No skipped frames"), "repeated_frames": ("重复帧", "Repeated frames"),
    "interlacing": ("隔行扫描", "Interlacing"), "frozen_picture": ("画面静止", "Frozen picture"),
    "black_picture": ("黑屏", "Black picture"), "audio_track": ("音轨", "Sound track"),
    "audio_layout": ("声道", "Sound channels"), "subtitle_track": ("字幕轨道", "Subtitle track"), "av_sync": ("声画同步", "Sound in sync"),
    "loudness": ("音量", "Loudness"), "loudness_range": ("音量稳定", "Steady volume"),
    "true_peak": ("不失真", "No distortion"), "noise_floor": ("背景噪声", "Background noise"),
    "silence": ("静音段", "Silence"), "time_budget": ("检测用时", "Inspection time"),
    "image_format": ("图片格式", "Image format"), "image_dimensions": ("图片尺寸", "Image size"),
    "file_size": ("文件大小", "File size"), "document_format": ("文件格式", "Document format"),
    "document_content": ("文件内容", "Document content"),
}  # fmt: skip
TRIGGERS = {
    "SubmissionWindowClosed": ("报送截止", "Submissions closed"),
    "RegionDeadlinePassed": ("地区上报截止", "Region deadline passed"),
    "JudgingClosed": ("评审结束", "Judging closed"), "AwardsPublished": ("公布获奖", "Awards published"),
    "on_demand": ("按需", "On demand"),
}
RUN_STATUS = {
    "running": ("进行中", "Running"), "finished": ("已完成", "Finished"), "failed": ("未能完成", "Failed"),
    "interrupted": ("已中断（服务重启）", "Interrupted (service restarted)"),
}
RUN_KINDS = {"verify": ("核验日志", "Verify the log"), "replay": ("重放比对", "Replay and compare")}
AUDIT_CHECKS = {
    "envelope": ("事件封装", "Envelope"), "contract": ("事件契约", "Contract"), "chain": ("哈希链", "Hash chain"),
    "stream": ("流序号连续", "Stream sequence"), "withdrawal": ("撤回后的事件", "After withdrawal"),
    "checkpoint": ("签名检查点", "Checkpoint"), "inspection": ("技术检测复算", "Inspection re-derived"),
    "review.legality": ("审核决定合法性", "Review decision legality"),
    "judging.assignment": ("评委分配复算", "Judge assignment re-derived"),
    "judging.results": ("评审结果复算", "Judging results re-derived"),
    "awards.tiers": ("获奖等次复算", "Award tiers re-derived"), "run": ("审计运行", "The run itself"),
}  # fmt: skip
VERDICT = {"pass": ("通过", "Pass"), "warn": ("建议改进", "Advice"), "fail": ("不通过", "Must fix")}
ROLES = {"": ("全部角色", "Every role"), "student": ("学生", "Student"), "school_admin": ("校级管理员", "School admin"),
         "region_admin": ("地区管理员", "Region admin"), "province_admin": ("省级管理员", "Province admin"),
         "judge": ("评委", "Judge"), "auditor": ("审计", "Auditor")}
ACCOUNT_STATUS = {"": ("全部状态", "Every status"), "active": ("已启用", "Active"),
                  "pending": ("待地区审核", "Waiting for the region"), "refused": ("未通过审核", "Refused"),
                  "suspended": ("已停用", "Suspended")}


def name(table: dict[str, tuple[str, str]], code: str, lang: str) -> str:
    zh, en = table.get(code, (code, code))
    return zh if lang == "zh" else en
PHASES = {
    "before_window": ("征集尚未开始", "Before submissions open"), "window_open": ("作品征集中", "Submissions open"),
    "window_closed": ("征集已截止，地区审核中", "Submissions closed, regions reviewing"),
    "region_deadline_passed": ("地区报送已截止，省级资格审查", "Region deadline passed, province qualifying"),
    "judging_open": ("评审中", "Judging"), "judging_closed": ("评审已结束", "Judging closed"),
}
ROUND_STATUS = {"open": ("已开设", "Open"), "assigned": ("已分配", "Assigned"), "closed": ("已结束", "Closed")}

