"""Word lists, fake identity numbers and tiny PNG images for the demo school (no real people)."""

from __future__ import annotations

import datetime as dt
import random
import struct
import zlib

from app.domain import iep
from app.domain.validation import id_check_char

# A fixed (fake-use) area code: every demo ID number starts with it, so demo data is easy to spot.
AREA_CODE = "469001"
COUNTY = "海南省五指山市"

SURNAMES = (
    *"王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢符王黎吉韦陈林王李",
    "欧阳",
    "司马",
    "上官",
)
BOY_CHARS = "浩宇轩子博文俊杰明磊鑫鹏晨阳睿泽一诺梓嘉天佑铭皓辰旭航宏志强伟军涛彬斌凯"
GIRL_CHARS = "欣怡涵雨萱诗琪佳慧婷雪梦瑶悦可馨妍思晴雅静丽芳兰婉月彤菲琳颖洁"
# Characters outside the common set: names must survive storage, printing and sorting.
RARE_CHARS = "䶮堃喆犇淼昇玥琰燊翀弢槿赟昶珺"
ADULT_MALE = "国建华明军平志强海东林伟德永"
ADULT_FEMALE = "秀英芳兰玉梅丽霞凤琴桂花敏燕"

TOWNS = ("通什镇", "南圣镇", "毛阳镇", "番阳镇", "畅好乡", "毛道乡", "水满乡")
VILLAGES = ("番茅村", "什奋村", "牙胡村", "毛旦村", "红山村", "便文村", "冲山村", "福关村")
ETHNICITIES = (("汉族", 60), ("黎族", 32), ("苗族", 8))
# Category weights: 送教上门 children are mostly intellectual or multiple disabilities, and severe.
CATEGORIES = ((5, 40), (7, 25), (4, 15), (6, 10), (1, 4), (2, 3), (3, 3))
GRADES = ((1, 45), (2, 40), (3, 12), (4, 3))
DIAGNOSES = {
    1: "先天性白内障术后,低视力",
    2: "双耳极重度感音神经性耳聋",
    3: "言语发育迟缓",
    4: "脑性瘫痪(痉挛型四肢瘫)",
    5: "精神发育迟滞(重度)",
    6: "孤独症谱系障碍",
    7: "脑瘫伴智力障碍、癫痫",
}
HOSPITALS = ("海南省人民医院", "海南医学院第一附属医院", "五指山市人民医院", "海南省妇女儿童医学中心")
SAFETY = (
    "有癫痫史,发作时侧卧,勿塞物入口",
    "对青霉素过敏",
    "需轮椅转移,注意腰背",
    "家中有犬,入户前电话告知家长拴好",
    "每日服用丙戊酸钠,午饭后服药",
    "",
)

# The IEP vocabulary itself, so a demo record never holds a domain or subject the app does not know; the demo
# teaches the first eight subjects (the two electives stay out, as in the schools it imitates).
DOMAINS = iep.DOMAINS
SUBJECTS = iep.SUBJECTS[:8]
GOALS = {
    "感知觉": ("能注视并追视移动的物体", ("能注视色彩鲜艳的玩具5秒", "能左右追视移动的小球")),
    "粗大动作": ("能在辅助下独立站立并行走", ("扶物站立1分钟", "在成人牵手下行走5米")),
    "精细动作": ("能用三指抓握完成简单操作", ("能抓握并放下积木", "能用勺子舀起豆子")),
    "语言与沟通": ("能用简单词语或手势表达需要", ("能用手指指认想要的物品", "能说出“要”“不要”")),
    "认知": ("认识常用汉字与简单数量", ("能认读自己的名字", "能点数1-5的实物")),
    "社会交往": ("能与熟悉的人进行简单互动", ("见到老师能挥手问好", "能与家人轮流玩一个游戏")),
    "生活自理": ("能在提示下完成进食与洗漱", ("能自己用勺子吃饭", "能在提示下洗手")),
    "情绪与行为": ("能用适当方式表达情绪", ("不适时能用手势示意", "哭闹时间缩短到3分钟内")),
}
CRITERIA = ("连续3次正确率达80%", "在口头提示下完成", "独立完成3次中的2次", "在肢体辅助下完成")
RESULTS = ("P", "P", "C", "C", "S", "E", "D", "3", "2", "1")
LESSON_CONTENT = {
    "生活语文": ("认读“爸爸”“妈妈”", "听儿歌《小白兔》", "认读自己的名字", "拼音a o e 口型练习"),
    "生活数学": ("点数1-5的积木", "区分大小", "认识圆形和方形", "按颜色分类"),
    "生活适应": ("认识家中常用物品", "学习穿脱外套", "认识红绿灯"),
    "劳动技能": ("叠毛巾", "整理玩具", "摆放碗筷"),
    "唱游与律动": ("跟唱《两只老虎》", "听音乐拍手", "节奏模仿"),
    "绘画与手工": ("手指点画", "撕纸贴画", "涂色练习"),
    "运动与保健": ("扶物站立训练", "抛接软球", "上肢伸展操"),
    "康复训练": ("被动关节活动", "坐姿平衡训练", "手部精细抓握训练", "口肌训练"),
}
FAMILY_CANCEL = (
    "孩子发烧",
    "孩子住院检查",
    "家长带孩子外出就医",
    "家中有事,家长婉拒本次送教",
    "孩子感冒咳嗽",
)
SCHOOL_CANCEL = ("暴雨停课", "台风预警,学校统一停止外出", "送教教师生病", "学校统一组织培训")
PAUSE_REASONS = ("住院治疗", "手术后康复", "外出就医(省外)")
RETURN_COMMENTS = (
    "请补充第二周训练内容的具体目标",
    "家庭任务过多,请调整为每天一项",
    "安全注意事项未写明癫痫发作的处理",
    "请与IEP短期目标对应",
)
MOODS = ("情绪稳定,配合", "开始时哭闹,安抚后配合", "精神很好,主动互动", "有些疲倦")
HEALTH = ("身体状况良好", "轻微咳嗽", "睡眠不足", "服药后状态平稳")


def at(day: dt.date, hour: int = 9, minute: int = 0) -> dt.datetime:
    """A naive local timestamp on a day (records carry times a teacher would have typed)."""
    return dt.datetime(day.year, day.month, day.day, hour, minute)


def weighted(
    rng: random.Random, options: tuple[tuple[int, int], ...] | tuple[tuple[str, int], ...]
) -> object:
    total = sum(weight for _, weight in options)
    pick = rng.uniform(0, total)
    for value, weight in options:
        pick -= weight
        if pick <= 0:
            return value
    return options[-1][0]


def child_name(rng: random.Random, gender: str) -> tuple[str, str]:
    """(full name, surname): mostly two given characters, sometimes a rare one."""
    surname = rng.choice(SURNAMES)
    pool = BOY_CHARS if gender == "M" else GIRL_CHARS
    given = [rng.choice(pool) for _ in range(rng.choice((1, 2, 2, 2)))]
    if rng.random() < 0.04:
        given[-1] = rng.choice(RARE_CHARS)
    return surname + "".join(given), surname


def adult_name(rng: random.Random, gender: str, surname: str | None = None) -> str:
    pool = ADULT_MALE if gender == "M" else ADULT_FEMALE
    return (surname or rng.choice(SURNAMES)) + "".join(rng.choice(pool) for _ in range(rng.choice((1, 2))))


def id_number(rng: random.Random, birth: dt.date, gender: str) -> str:
    """A well-formed 18-character ID number with a correct GB 11643 check digit (odd 17th digit = male)."""
    seq = rng.randrange(0, 50) * 2 + (1 if gender == "M" else 0)
    first17 = f"{AREA_CODE}{birth:%Y%m%d}{rng.randrange(0, 10)}{seq:02d}"
    return first17 + id_check_char(first17)


def phone(rng: random.Random) -> str:
    return f"1{rng.choice('35789')}{rng.randrange(0, 10)}{rng.randrange(0, 10**8):08d}"


def address(rng: random.Random) -> str:
    return f"{COUNTY}{rng.choice(TOWNS)}{rng.choice(VILLAGES)}{rng.randrange(1, 9)}组{rng.randrange(1, 60)}号"


# --- tiny PNGs ---------------------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png(width: int, height: int, rows: list[bytes]) -> bytes:
    """An 8-bit RGB PNG from raw rows (3 bytes per pixel), deterministic for the same input."""
    raw = b"".join(b"\x00" + row for row in rows)
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(raw, 9))
        + _chunk(b"IEND", b"")
    )


def photo_png(rng: random.Random, width: int = 48, height: int = 32) -> bytes:
    """A soft two-colour gradient standing in for a visit photo."""
    a = [rng.randrange(60, 230) for _ in range(3)]
    b = [rng.randrange(60, 230) for _ in range(3)]
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            t = (x + y) / (width + height)
            row += bytes(int(a[c] * (1 - t) + b[c] * t) for c in range(3))
        rows.append(bytes(row))
    return png(width, height, rows)


def signature_png(rng: random.Random, width: int = 80, height: int = 24) -> bytes:
    """A dark scribble on white standing in for a caregiver's signature."""
    pixels = [bytearray(b"\xff" * (width * 3)) for _ in range(height)]
    y = height // 2
    for x in range(4, width - 4):
        y = max(2, min(height - 3, y + rng.choice((-2, -1, 0, 1, 2))))
        for dy in (0, 1):
            pixels[y + dy][x * 3 : x * 3 + 3] = b"\x20\x20\x60"
    return png(width, height, [bytes(row) for row in pixels])
