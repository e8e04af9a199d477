"""Each role's guide as data (通知 三.8 操作指南): what to do, in order, where on the platform, by when.

A step's text may name the edition's rules in braces (`{window_closes}`, `{max_creators}`); they are filled
in from the edition the registry serves (see `facts`), so the guide says what this edition says. The error
table of a role lists the codes of the services that role works with (`services`); /web/guide lists all.
"""

from __future__ import annotations

from dataclasses import dataclass

STUDENT, SCHOOL_ADMIN, REGION_ADMIN = "student", "school_admin", "region_admin"
PROVINCE_ADMIN, JUDGE, AUDITOR = "province_admin", "judge", "auditor"
EVERY_SERVICE = ("gateway", "kit", "registry", "intake", "media-inspection", "review", "scoring", "awards", "audit")


@dataclass(frozen=True)
class Step:
    """One thing to do: what, how (Chinese, then English), where on the platform, and the notice's paragraph."""

    title_zh: str
    title_en: str
    body_zh: str
    body_en: str
    where: str = ""
    notice_ref: str = ""


@dataclass(frozen=True)
class Role:
    """A role's guide: its name, who it is, the deadlines it works to, its steps and its services' errors."""

    code: str
    name_zh: str
    name_en: str
    who_zh: str
    who_en: str
    deadlines: tuple[str, ...]
    steps: tuple[Step, ...]
    services: tuple[str, ...]


STUDENT_STEPS = (
    Step("注册账号", "Sign up",
         "在“注册”页面选择所在学校（须已由地区管理员审核通过），设置用户名和密码。用户名为3至32位小写字母、数字、"
         "下划线、点或连字符。",
         "On the sign-up page choose your school (it must be approved by its region admin) and set a username and "
         "password. A username is 3 to 32 lower-case letters, digits, '_', '.' or '-'.", "/web/signup"),
    Step("登录", "Log in",
         "用用户名和密码登录；登录 8 小时后需重新登录。页面右上角可切换中文和 English。",
         "Log in with your username and password; after 8 hours you log in again. Switch between 中文 and English "
         "at the top right.", "/web/login"),
    Step("新建作品草稿", "Draft a work",
         "在“我的作品”中新建作品：填写作品名称、类别（{categories_zh}）、主题、作品简介，以及主创人员（不超过 "
         "{max_creators} 人，填写年级和学校）和指导教师（不超过 {max_advisors} 人，填写学校和联系电话），并声明配音语言和字幕："
         "配音应采用普通话，使用方言或少数民族语言的须加同期字幕（压制在画面上或作为字幕轨道）。草稿可随时修改。",
         "In My works, draft a work: title, category ({categories_en}), theme, synopsis, the creators (at most "
         "{max_creators}, with grade and school) and the advisor teachers (at most {max_advisors}, with school and "
         "phone), and state the voice-over's language and subtitles: Mandarin, or a dialect or minority language "
         "with subtitles (burned in or as a subtitle track). A draft can be changed at any time.", "/web/works/new",
         "通知 三.1—三.2，附件 四.3"),
    Step("上传影片、封面和海报", "Upload the film, cover and poster",
         "在作品页面逐项上传文件：影片为 MP4，封面和海报为 JPEG，尺寸和大小上限见“规则与截止时间”。文件直接上传到"
         "存储，中断后可继续。每个文件上传后自动进行技术检测，检测清单会标出“不通过”和“建议改进”的项目。上传前也可用 "
         "festival inspect 命令在本机检测影片。",
         "Upload each file on the work's page: the film as MP4, cover and poster as JPEG; sizes and limits are on "
         "Rules & deadlines. Files go straight to storage and resume after an interruption. Each file is inspected "
         "automatically; the checklist marks what must be fixed and what is advice. The festival inspect command "
         "checks a film on your own computer before uploading.", "/web/works", "附件 四"),
    Step("下载、签字盖章并上传申报表和著作权声明表", "Download, sign, stamp and upload the two forms",
         "在作品页面下载按草稿生成的《作品申报表》和《著作权声明表》（PDF，字体已嵌入，任何打印机都能打印），打印后由全体"
         "主创人员和指导教师签字、学校盖章，扫描为 PDF 或 JPEG 后上传到对应项目。",
         "Download the application form and the copyright declaration, filled from your draft (PDF with its font "
         "embedded, so any printer prints it); every creator and advisor signs, the school stamps, and you upload "
         "the scan (PDF or JPEG) to its slot.", "/web/works", "通知 三.3、三.9"),
    Step("提交作品", "Submit",
         "所有必交材料上传完成且技术检测通过后，在 {window_closes} 前提交；提交时须勾选确认两项承诺：与主办单位共享作品"
         "著作权和版权，作品为主创团队原创。提交后作品不能修改，主创团队不得中途换人；截止时仍未提交的作品视为自动放弃。",
         "Once every required file is in and passed inspection, submit before {window_closes}, ticking the two "
         "statements: the team shares the copyright with the organisers, and the work is its own. A submitted work "
         "cannot change and its team cannot be swapped; a work not submitted by then counts as withdrawn.",
         "/web/works", "通知 三.4、三.9、三.10"),
    Step("查看审核进度，按退回意见修改", "Follow the review; fix a returned work",
         "作品依次经学校、地区审核后报送省级。被退回时会收到站内通知，写明原因；在申报期内修改后重新提交。作品的"
         "“时间线”记录每一步。申报截止前 3 天和 1 天，尚未提交的作品会收到提醒。",
         "Your school, then your region reviews the work and forwards it to the province. A returned work comes "
         "with a notification saying why: fix it and submit again while submissions are open. The work's timeline "
         "records every step. A work not yet submitted is reminded 3 days and 1 day before submissions close.",
         "/web/notifications"),
    Step("查看获奖名单，下载证书", "See the awards, download certificates",
         "获奖名单公布后（{publish_by} 前）可在“获奖名单”查看，并在“证书”下载本人证书；证书上的二维码可公开验证。",
         "Once the awards are published (by {publish_by}) they are on Awards; your certificates are on "
         "Certificates, each with a QR code anyone can verify.", "/web/certificates", "通知 四"),
    Step("按要求上传获奖作品源文件", "Upload your awarded work's source files when asked",
         "请自行保存制作源文件。组委会需要时会发出通知并写明期限：在作品页面的“源文件”处上传（工程文件、原始素材等可打包"
         "为一个文件，任何格式均可，支持断点续传）。",
         "Keep your project's source files. When the organisers need them you get a notification with a deadline: "
         "upload them under Source files on the work's page (one archive of any format is fine; uploads resume).",
         "/web/notifications", "附件 四.4"),
)

SCHOOL_STEPS = (
    Step("申请校级管理员账号", "Apply as the school's admin",
         "通过接口 POST /accounts/school-admins 申请（填写所在地区与学校名称，接口说明见 /docs）。地区管理员审核通过前，"
         "登录时会提示“账号正在等待审核”；学校获批后本校学生才能注册。",
         "Apply through POST /accounts/school-admins (your region and the school's name; see /docs). Until the "
         "region admin approves, logging in says the account is waiting; students can sign up only once the school "
         "is approved.", "/docs", "通知 三.5"),
    Step("审核本校作品", "Review your school's works",
         "在“审核队列”查看待学校审核的作品，可按类别、状态筛选。打开作品可播放影片、查看封面、海报、签字表格和技术"
         "检测报告。",
         "The review queue lists the works awaiting your school, filtered by category or status. A work's page "
         "plays the film and shows the cover, poster, signed forms and inspection report.", "/web/queue"),
    Step("报送地区或退回修改", "Forward to the region, or return",
         "符合要求的作品报送地区；需要修改的作品退回学生，须选择退回原因并填写说明。退回只能在申报期内（{window_closes} "
         "前）进行，学生会收到通知。",
         "Forward a work that meets the rules to the region; return one that needs fixing, with a reason code and "
         "a written reason. Returns are possible only while submissions are open (until {window_closes}); the "
         "student is notified.", "/web/queue", "通知 三.6"),
    Step("下载本校证书", "Download your school's certificates",
         "获奖名单公布后，可在“证书”查看并打包下载本校全部有效证书。",
         "Once the awards are published, Certificates lists your school's valid certificates and downloads them "
         "as one ZIP.", "/web/certificates"),
)

REGION_STEPS = (
    Step("审核校级管理员申请", "Decide on school admin applications",
         "省级管理员为本地区开设账号后，通过接口 GET /accounts 查看本地区的申请，POST /accounts/{{id}}/decision 通过或驳回"
         "（驳回须填写理由）。",
         "Once the province has issued your account, GET /accounts lists your region's applications; "
         "POST /accounts/{{id}}/decision approves or refuses one (a refusal needs a reason).", "/docs", "通知 三.5"),
    Step("审核学校报送的作品", "Review what the schools forward",
         "在“审核队列”查看待地区审核的作品，可按学校筛选；在 {region_deadline} 前报送省级。退回学生修改只能在申报期内"
         "（{window_closes} 前），学校同时收到通知。",
         "The review queue lists the works awaiting your region, filtered by school; forward them to the province "
         "by {region_deadline}. Returns to the student are possible only while submissions are open (until "
         "{window_closes}); the school is told.", "/web/queue", "通知 三.6"),
    Step("上报地区统计表", "File the region's statistics table",
         "在“统计表”下载按记录生成的统计表（XLSX），核对后勾选确认，在 {region_deadline} 前上报；表格在下载后有变化"
         "（有作品报送或退回）时平台拒绝上报，请重新下载核对。可再次上报，以最后一次为准。未上报时，截止前 3 天和 1 天会收到提醒。",
         "On Statistics download the table generated from the log (XLSX), check it, tick the box and file it by "
         "{region_deadline}; if the table changed since (works forwarded or returned) the filing is refused: "
         "download and check it again. Filing again replaces it. Until it is filed, reminders arrive 3 days and 1 "
         "day before.", "/web/statistics", "通知 三.7"),
    Step("展示交流", "Exhibition",
         "省级发布后（{exhibition_by} 前），在“展示交流”查看各地区的最佳作品，下载影片、封面和海报（链接 24 小时有效）"
         "或打包下载清单。",
         "Once the province releases it (by {exhibition_by}), Exhibition lists every region's best works with "
         "download links (valid 24 hours) and a ZIP of the list.", "/web/awards/exhibition", "通知 四.5"),
    Step("保存日志检查点", "Keep the log checkpoints",
         "报送截止（{window_closes}）、地区上报截止（{region_deadline}）、评审结束和公布获奖时，平台各签署一个日志检查点。"
         "每次之后在“日志检查点”下载 .txt 文件并妥善保存：日后凭它可以证明平台的记录没有被删改。文件不含个人信息。",
         "When submissions close ({window_closes}), at the region deadline ({region_deadline}), when judging closes "
         "and when the awards are published, the platform signs a checkpoint of its log. Download each .txt from Log "
         "checkpoints and keep it: later it proves the record was not changed. It holds no personal data.",
         "/web/audit/checkpoints"),
    Step("下载本地区证书", "Download your region's certificates",
         "获奖名单公布后，可在“证书”打包下载本地区全部有效证书。",
         "Once the awards are published, Certificates downloads your region's valid certificates as one ZIP.",
         "/web/certificates"),
)

PROVINCE_STEPS = (
    Step("开设地区管理员和评委账号", "Issue region admin and judge accounts",
         "通过接口 POST /accounts/region-admins 为各地区开设管理员；在“评审”页开设评委账号，写明评委所在地区"
         "（评审时回避其作品）、专长类别和需回避的相识人员（学校只能通过接口 POST /accounts/judges 填写）。",
         "POST /accounts/region-admins issues each region's admin; on Judging issue a judge with the region they "
         "work in (its works are never assigned to them), expertise and the persons they know (their school only "
         "through POST /accounts/judges).", "/web/rounds", "通知 三.5"),
    Step("资格审查", "Qualification review",
         "地区上报截止（{region_deadline}）后，在“审核队列”确认作品参评资格，或取消资格（至少选择一项通知规定的原因"
         "并填写依据）。“统计表”页查看各地区统计表的上报情况并下载上报的版本。",
         "After the region deadline ({region_deadline}), qualify each work in the review queue, or disqualify it "
         "with at least one reason from the notice and the evidence. Statistics shows which regions filed their "
         "table and downloads it as filed.", "/web/queue", "附件 二.6"),
    Step("开设评审轮次并分配评委", "Open the judging rounds and assign judges",
         "在“评审”页为每个类别开设一轮，在轮次页勾选评委（只列出专长包含该类别的在职评委）并保存。"
         "评审期（{judging_opens} 起）内分配：每件作品 {judges_per_work} 位评委，不分配本地区、本校或申报相识的评委；"
         "若有作品找不到足够的评委，平台列出这些作品，不做任何分配。",
         "On Judging open one round per category, and on the round's page tick its judges (only active judges whose "
         "expertise covers the category are listed) and save. Inside the judging window (from {judging_opens}) assign: "
         "{judges_per_work} judges per work, none of its region or school nor one who declared its people; if a "
         "work lacks eligible judges, the platform names it and assigns nothing.", "/web/rounds", "通知 二"),
    Step("结束评审，查看结果和评委偏差报告", "Close the rounds; read results and the bias report",
         "在轮次页跟踪每位评委和每件作品的评分进度；评审期在 {judging_closes} 结束，提前结束须填写理由。结果含原始平均分、"
         "标准化得分和名次；评委偏差报告（接口 GET /judging/rounds/{{id}}/report）标出异常评委和名次变化。",
         "Follow each judge's and each work's progress on the round's page; the judging window ends "
         "{judging_closes}, and closing early needs a reason. Results give raw means, normalised scores and ranks; "
         "the bias report (GET /judging/rounds/{{id}}/report) flags outlying judges and rank changes.",
         "/web/rounds"),
    Step("计算、核对并公布获奖名单", "Compute, check and publish the awards",
         "在“表彰”为每个类别计算获奖名单，核对标为“易变”的奖项，评审结束后在 {publish_by} 前公布；公布后颁发证书，"
         "只能通过更正修改。优秀指导教师等荣誉在“荣誉”页授予。",
         "On Awards compute each category's list, check the tiers flagged fragile, and publish after judging by "
         "{publish_by}; certificates follow, and afterwards only corrections change a list. Honours such as the "
         "advisor award are given on Honours.", "/web/awards", "通知 四"),
    Step("发布展示交流名单", "Release the exhibition list",
         "在 {exhibition_by} 前把各地区的最佳作品名单发布给每个地区（每个地区一次）。截止前 {remind_days_before} 天仍未"
         "完成时平台会提醒。",
         "Release every region's best works to each region (once per region) by {exhibition_by}. The platform "
         "reminds you {remind_days_before} days before while it is not done.", "/web/awards", "通知 四.5"),
    Step("要求提交获奖作品源文件", "Ask for awarded works' source files",
         "获奖名单公布后，在“表彰 › 源文件”选择获奖作品、填写期限和说明，作者会收到通知；列表显示已要求、已上传（是否逾期）"
         "和已逾期，已上传的文件可直接下载。",
         "Once the awards are published, choose an awarded work on Awards › Source files with a deadline and a "
         "note; its team is notified. The list shows asked, uploaded (late or not) and overdue, and downloads what "
         "arrived.", "/web/awards/sources", "附件 四.4"),
    Step("核验日志，签署检查点", "Verify the log; sign checkpoints",
         "在“审计”开始一次核验，查看发现的问题；每个阶段节点自动签署检查点，需要时可立即签署一个。",
         "On Audit start a verify run and read what it finds; a checkpoint is signed at each phase change, and "
         "you can sign one at any time.", "/web/audit"),
)

JUDGE_STEPS = (
    Step("登录并查看评审任务", "Log in and see your assignments",
         "账号由省级管理员开设。评审期（{judging_opens} 至 {judging_closes}）内，“我的评审任务”只列出分配给您的作品，"
         "匿名显示：不含作者、学校、地区、指导教师及其他评委的评分。",
         "The province issues your account. During the judging window ({judging_opens} to {judging_closes}) My "
         "assignments lists only the works assigned to you, blind: no names, schools, regions, advisors or other "
         "judges' points.", "/web/judging"),
    Step("观看作品并评分", "Watch and score",
         "打开一项任务：播放影片，查看封面、海报和技术检测报告，按评分标准逐项填写整数分（每项显示满分），可先保存草稿。",
         "Open an assignment: the film plays beside the cover, poster and inspection report; score each criterion "
         "as a whole number (its maximum is shown). You can save a draft first.", "/web/judging", "附件 二"),
    Step("提交评分", "Submit the sheet",
         "每一项都打分后提交，只能提交一次；本轮结束前如需修改，须填写修改理由。",
         "Submit once every criterion is scored, once; to amend it before the round closes, give a reason.",
         "/web/judging"),
    Step("申报回避", "Declare a conflict",
         "认识作品的作者或指导教师等情况时，在评分页展开“申报回避”，填写理由并确认；作品改派给另一位符合条件的评委，"
         "从您的任务中移出。",
         "If you know the work's people (or are otherwise conflicted), open Declare a conflict on the sheet, give "
         "a reason and confirm; the work goes to another eligible judge and leaves your list.",
         "/web/judging", "通知 二"),
)

AUDITOR_STEPS = (
    Step("查看全部作品和审核经过", "Read every work and its review",
         "“全部作品”列出所有作品（只读）；每件作品的时间线写明每一步由谁、何时、以何理由决定。",
         "All works lists every work, read only; each work's timeline says who decided each step, when and why.",
         "/web/queue"),
    Step("查看评审和表彰", "Read judging and awards",
         "“评审”页查看评审轮次、进度和结果（评委偏差报告见接口 /judging/rounds/{{id}}/report），“统计表”页查看上报情况，"
         "在“表彰”查看获奖名单、荣誉和提醒。",
         "Judging shows the rounds, their progress and results (the bias report through "
         "/judging/rounds/{{id}}/report), Statistics the filings, and Awards the lists, honours and reminders.",
         "/web/rounds"),
    Step("核验整条日志", "Verify the whole log",
         "在“审计”点击“开始核验”：从第 1 条起检查每个事件的契约、哈希链、流序号有无缺失、撤回后的事件和各检查点，并用记录的"
         "输入复算技术检测、审核、评审和获奖决定。进度自动刷新；每个问题列出检查项、流序号、聚合及版本、记录值和复算值，"
         "未能复算的决定单独说明。一次只能进行一次核验。",
         "On Audit press Start a verify run: it checks every event's contract, hash chain, gaps in the stream "
         "sequence, events after a withdrawal and every checkpoint, and re-derives inspections, review decisions, "
         "judging and awards from their recorded inputs. Progress refreshes by itself; each problem names the check, "
         "stream sequence, aggregate and version, the recorded and the derived value; decisions not re-derived are "
         "listed apart. One run at a time.", "/web/audit"),
    Step("签署和分发检查点", "Sign and hand out checkpoints",
         "报送截止（{window_closes}）、地区上报截止（{region_deadline}）、评审结束（{judging_closes}）和公布获奖时自动签署"
         "检查点；“立即签署检查点”可随时签署一个。各地区在公开的“日志检查点”页面下载 .txt 文件保存，日后用 "
         "festival audit verify --key 验证公钥 --checkpoint 文件 证明其所见的历史未被改写。",
         "A checkpoint is signed when submissions close ({window_closes}), at the region deadline ({region_deadline}), "
         "when judging closes ({judging_closes}) and when the awards are published; Sign a checkpoint now signs one "
         "at any time. Regions download the .txt files from the public Log checkpoints page and later prove with "
         "festival audit verify --key KEY --checkpoint FILE that the history they saw was not rewritten.",
         "/web/audit/checkpoints"),
    Step("查看作品的日志记录", "Read a work's events on the log",
         "在作品的时间线点击“日志记录与包含证明”：列出作品的每个事件的流序号、时间、哈希（鼠标停留看完整值）和包含证明的"
         "长度；festival audit prove 事件编号 打印完整证明。证书可在公开页面按验证码核对。",
         "On a work's timeline open On the log: each of its events with stream sequence, time, hash (hover for the "
         "whole value) and the length of its inclusion proof; festival audit prove EVENT_ID prints the whole proof. "
         "Certificates are checked by their code on a public page.", "/web/queue"),
)

ROLES: dict[str, Role] = {role.code: role for role in (
    Role(STUDENT, "学生", "Student", "参赛学生：注册、创作申报、提交作品。",
         "A student taking part: sign up, draft, submit.",
         ("window_opens", "window_closes", "publish_by"), STUDENT_STEPS,
         ("gateway", "kit", "registry", "intake", "media-inspection", "review", "awards")),
    Role(SCHOOL_ADMIN, "校级管理员", "School admin", "学校的管理员：审核本校作品并报送地区。",
         "A school's admin: reviews the school's works and forwards them to the region.",
         ("window_closes",), SCHOOL_STEPS, ("gateway", "kit", "registry", "intake", "review", "awards")),
    Role(REGION_ADMIN, "地区管理员", "Region admin", "市（州）的管理员：审核学校和作品，上报统计表。",
         "A region's admin: approves schools, reviews works, files the statistics table.",
         ("window_closes", "region_deadline", "exhibition_by"), REGION_STEPS,
         ("gateway", "kit", "registry", "intake", "review", "awards")),
    Role(PROVINCE_ADMIN, "省级管理员", "Province admin", "省级组委会：资格审查、组织评审、表彰和展示交流。",
         "The province's organisers: qualification, judging, awards and the exhibition.",
         ("region_deadline", "judging_opens", "judging_closes", "publish_by", "exhibition_by"), PROVINCE_STEPS,
         EVERY_SERVICE),
    Role(JUDGE, "评委", "Judge", "评审专家：匿名评阅分配的作品。", "An expert judge: scores assigned works, blind.",
         ("judging_opens", "judging_closes"), JUDGE_STEPS, ("gateway", "kit", "registry", "scoring")),
    Role(AUDITOR, "审计", "Auditor", "审计人员：只读查看全部记录，核验日志，签署检查点。",
         "An auditor: reads the whole record, verifies the log, signs checkpoints.",
         ("window_closes", "region_deadline", "judging_closes", "publish_by"), AUDITOR_STEPS, EVERY_SERVICE),
)}
