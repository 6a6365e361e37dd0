/// The words the generator builds lines from. Names come in groups that share a surname, so
/// "王总" matches several cards and Kaiqu has to ask which one with a numbered list.
enum Pools {
    static let nameGroups: [(title: String, names: [String])] = [
        ("王总", ["王建国", "王芳", "王磊", "王秀英"]),
        ("张总", ["张伟", "张敏", "张丽"]),
        ("李总", ["李娜", "李强"]),
        ("陈总", ["陈静", "陈大文"]),
        ("Tom", ["Tom Wu", "Tom Chen"]),
    ]
    static var names: [String] { nameGroups.flatMap(\.names) }

    /// Numbers where off-by-one, overflow and huge loops live: 0, negatives, just past a
    /// list, past Int64, an eleven-digit phone.
    static let numbers = ["0", "1", "2", "3", "4", "5", "6", "9", "10", "12", "25", "26", "100", "-1", "-0", "+3", "007",
                          "2147483648", "9223372036854775807", "9223372036854775808", "99999999999999999999",
                          "13800138001", "13800138002", "1e9", "3.5", "0x10", "１", "３", "１２", "三", "第三个", "第12个",
                          "最后一个", "十二", "一千万", "9千", "九千九百九十九亿"]
    static let ranges = ["1-9999999999", "1-199999999", "3-1", "1-3", "1-25", "0-0", "2-2", "1-2147483648", "-5-3", "1--3",
                         "1-99999999999999999999", "1~3", "1到5", "一到三", "１-９９９９９９９９９９", "1-3 5 7-9", "1-3,5", "1 3 5",
                         "9999999999-1", "13800138001-13800138002", "1-1-1-1"]
    static let dates = ["明天", "明天下午3点", "下周一", "下周三下午两点半", "2026-02-30", "2026-13-01", "12月32日", "昨天",
                        "9999年1月1日", "0年0月0日", "大后天晚上25点", "周八", "农历八月十五", "3月", "下下下下周", "2026-11-18T25:61",
                        "tomorrow 3pm", "next Monday", "Feb 30"]
    static let phones = ["13900001111", "13800138002", "1390000-99999999999", "0571-88886666", "138001380", "138-0013-8000",
                         "+86 138 0013 8000", "99999999999999999999", "00000000000", "1380013800１", "12345"]
    static let yesNo = ["是", "不", "好", "好的", "不要", "确定", "取消", "算了", "yes", "no", "对", "不是", "嗯", "先不", "是的是的"]
    static let credit = ["5", "4", "3", "1", "0", "6", "-1", "五", "3分", "４", "5 5 5 5 5", "10", "2.5", "99999999999999999999", "满分"]
    static let listFollowUps = ["更多", "下一页", "全部", "第3个", "3", "12", "0", "99999999999999999999", "第二页", "上一页"]
    static let checklist = ["全部", "下一步", "确定", "1 3 5", "1-4", "25", "26", "第一步", "下一步", "1-9999999999", "1-199999999"]

    /// Characters and strings slipped into lines: digits of both widths, number words,
    /// separators, emoji (one scalar, modified, joined), invisible and control characters.
    static let noise = ["0", "1", "9", "０", "９", "千", "万", "亿", "百", "十", "-", "—", "～", "~", "、", "，", ",", "。", " ", "\u{3000}",
                        "😀", "👍🏻", "👨‍👩‍👧", "🇨🇳", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{0}", "\u{7}", "\u{1B}[31m", "\u{7F}",
                        "\u{85}", "\t", "\r", "\u{301}", "第", "个", "号", "点", "王", "总", "张伟", "是", "不", "算了", "%", "'",
                        "\"", "\\", "NaN", "-0", "1e309", "9223372036854775808", "｛", "\u{E000}", "\u{10FFFF}"]

    /// What a long line repeats.
    static let longUnits = ["9千", "1-", "9", "千", "一千", "1-2 ", "99999999999999999999 ", "王总", "，", "😀", "\u{200B}", "３",
                            "明天", "a", "第1个", "张伟 "]

    /// Lines that open a list the rep may pick from.
    static let lists = ["本周要拜访谁", "列出客户", "客户列表", "哪些客户很久没联系了", "A类客户有哪些", "杭州的客户", "今天要拜访谁",
                        "下周的拜访", "list customers", "who should I visit this week"]
}
