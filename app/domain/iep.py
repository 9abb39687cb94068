"""IEP vocabulary: development domains, 培智学校课程标准 subjects, measurement methods and review results."""

DOMAINS = ("感知觉", "粗大动作", "精细动作", "语言与沟通", "认知", "社会交往", "生活自理", "情绪与行为")
SUBJECTS = (
    "生活语文",
    "生活数学",
    "生活适应",
    "劳动技能",
    "唱游与律动",
    "绘画与手工",
    "运动与保健",
    "康复训练",
    "信息技术",
    "艺术休闲",
)
SCORE_DOMAINS = DOMAINS + SUBJECTS  # goals and scores may be per development domain or per subject
METHODS = ("O", "W", "T", "V", "P")  # 观察 作品 测验 口头 操作
RESULTS = ("P", "C", "D", "S", "E", "0", "1", "2", "3")  # 通过 继续 放弃 简化 加深, or a 0–3 score
PASSED_RESULTS = ("P", "3")
STATUSES = ("draft", "active", "reviewed", "archived")
