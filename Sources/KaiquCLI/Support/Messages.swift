import KaiquNLU
import KaiquStore

/// Renders every error the CLI can stop with, in Chinese or English, in one place.
///
/// These are the only sentences not in the reply catalogue: they must be sayable when the
/// catalogue itself failed to load.
enum Messages {
    /// The language for messages printed before any conversation: from LC_ALL, LC_MESSAGES or
    /// LANG (en… → English, zh_TW/zh_HK → traditional), simplified Chinese otherwise.
    static func language(environment: [String: String]) -> Language {
        let locale = ["LC_ALL", "LC_MESSAGES", "LANG"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? ""
        if locale.hasPrefix("en") { return .en }
        if locale.hasPrefix("zh_TW") || locale.hasPrefix("zh_HK") || locale.hasPrefix("zh_MO") { return .zhHant }
        return .zhHans
    }

    static func render(_ error: CLIError, _ language: Language) -> String {
        let en = language == .en
        switch error {
        case .usage(let problem):
            let what: String
            switch problem {
            case .unknownOption(let option): what = en ? "unknown option \(option)" : "未知选项 \(option)"
            case .missingValue(let option): what = en ? "\(option) needs a value" : "\(option) 后面缺少取值"
            case .tooManyArguments(let arg): what = en ? "unexpected argument “\(arg)”" : "多余的参数“\(arg)”"
            case .notForMode(let option, let mode): what = en ? "\(option) does not apply to “kaiqu \(mode)”" : "\(option) 不适用于“kaiqu \(mode)”"
            case .badFormat(let format): what = en ? "unknown format “\(format)”; expected csv, json or ics (export), text, csv or html (report)"
                : "未知格式“\(format)”，export 应为 csv、json 或 ics，report 应为 text、csv 或 html"
            case .badDay(let option, let value): what = en ? "\(option) needs a day like 2026-11-01, not “\(value)”" : "\(option) 需要形如 2026-11-01 的日期，不是“\(value)”"
            case .badReport(let kind): what = en ? "unknown report “\(kind)”; expected \(ReportMode.kinds.joined(separator: ", "))"
                : "未知报告“\(kind)”，应为 \(ReportMode.kinds.joined(separator: "、"))"
            case .missingArgument(let name): what = en ? "\(name) is missing" : "缺少 \(name)"
            case .emptyValue(let option): what = en ? "\(option) needs a value, not an empty one" : "\(option) 的取值不能为空"
            case .badZone(let zone): what = en ? "unknown time zone “\(zone)”; expected e.g. Asia/Shanghai" : "未知时区“\(zone)”，应形如 Asia/Shanghai"
            case .badNumber(let option, let value): what = en ? "\(option) needs a positive whole number, not “\(value)”" : "\(option) 需要一个正整数，不是“\(value)”"
            case .badRole(let role): what = en ? "unknown role “\(role)”; expected rep or manager" : "未知角色“\(role)”，应为 rep 或 manager"
            case .unknownCommand(let command): what = en ? "unknown command “\(command)”; expected add, list or remove" : "未知命令“\(command)”，应为 add、list 或 remove"
            }
            return "kaiqu: " + what + (en ? " (see kaiqu --help)" : "（见 kaiqu --help）")
        case .badClock(let text):
            return en ? "kaiqu: --now “\(text)” is not an ISO 8601 time; expected e.g. 2026-11-18T10:00:00+08:00"
                : "kaiqu: --now “\(text)”不是 ISO 8601 时间，应形如 2026-11-18T10:00:00+08:00"
        case .noSuchDirectory(let path):
            return en ? "kaiqu: no folder \(path)" : "kaiqu: 找不到文件夹 \(path)"
        case .unreadableFile(let path):
            return en ? "kaiqu: cannot read \(path)" : "kaiqu: 无法读取 \(path)"
        case .cannotWrite(let path, let reason):
            return en ? "kaiqu: cannot write \(path): \(reason)" : "kaiqu: 无法写入 \(path)：\(reason)"
        case .data(let errors):
            return errors.map { render($0, language) }.joined(separator: "\n")
        case .store(let error):
            return render(error, language)
        }
    }

    /// Why a change or a read failed, as a phrase for the reply change.failed.
    static func reason(_ error: any Error, _ language: Language) -> String {
        let en = language == .en
        switch error as? StoreError {
        case .noSuchCustomer?: return en ? "that customer's card is gone (deleted in another window?)" : "这位客户的卡已经不在了（可能在别处删除了）"
        case .noSuchVisit?: return en ? "that visit is gone" : "这次拜访已经不在了"
        case .sqlite(let code, let message)?:
            return en ? "the store said \(message) (\(code))" : "客户库出错：\(message)（\(code)）"
        case .cannotOpen(let path, let reason)?: return en ? "cannot open \(path): \(reason)" : "无法打开 \(path)：\(reason)"
        case .incompatible?, .foreign?: return render(error as! StoreError, language)
        case .busy?: return en ? "another program kept the store busy for over a minute" : "客户库被别的程序占用超过一分钟"
        case .notInTeam(let user)?: return en ? "\(user) is not in your team" : "\(user) 不在你的组里"
        case .aliasTaken(let alias, let user)?:
            return en ? "\(alias) already reaches the user \(user)" : "\(alias) 已经对应用户 \(user)"
        case nil: return "\(error)"
        }
    }

    static func render(_ error: StoreError, _ language: Language) -> String {
        let en = language == .en
        switch error {
        case .noSuchCustomer, .noSuchVisit:
            return "kaiqu: " + reason(error, language)
        case .cannotOpen(let path, let reason):
            return en ? "kaiqu: cannot open the store \(path): \(reason)" : "kaiqu: 无法打开客户库 \(path)：\(reason)"
        case .incompatible(let path, let version):
            return en ? "kaiqu: \(path) was written by a newer Kaiqu (schema \(version)); this one reads up to \(Store.schemaVersion)"
                : "kaiqu: \(path) 由更新版本的开渠写入（结构版本 \(version)），本版本最多支持 \(Store.schemaVersion)"
        case .foreign(let path):
            return en ? "kaiqu: \(path) is another application's database, not a Kaiqu store; Kaiqu leaves it untouched. Give --store a new file name."
                : "kaiqu: \(path) 是别的程序的数据库，不是开渠的客户库；开渠不会改动它。请给 --store 换一个新文件名。"
        case .busy, .aliasTaken, .notInTeam:
            return "kaiqu: " + reason(error, language)
        case .sqlite(let code, let message):
            return en ? "kaiqu: store error \(code): \(message)" : "kaiqu: 客户库出错 \(code)：\(message)"
        }
    }

    /// `file:line:column: error: what is wrong; expected …`
    static func render(_ error: DataError, _ language: Language) -> String {
        let (zh, en) = describe(error.problem)
        let text = language == .en ? "error: \(en.problem); expected \(en.expected)" : "错误：\(zh.problem)；应为\(zh.expected)"
        return "\(error.position): \(text)"
    }

    private typealias Text = (problem: String, expected: String)

    private static func describe(_ problem: DataProblem) -> (zh: Text, en: Text) {
        switch problem {
        case .notACharacterPair(let word):
            return (("“\(word)”不是两个字", "繁体字紧跟简体字，如 個个"),
                    ("“\(word)” is not a pair of characters", "a traditional character followed by its simplified form, e.g. 個个"))
        case .unknownBlock(let kind, let known):
            return (("未知的块“\(kind)”", "块标题（\(known.joined(separator: "、"))）或缩进的行"),
                    ("unknown block “\(kind)”", "a block header (\(known.joined(separator: ", "))) or an indented line"))
        case .lineOutsideBlock:
            return (("缩进的行不在任何块内", "先写块标题，如“intent help”"),
                    ("an indented line outside any block", "a block header first, e.g. “intent help”"))
        case .blockWithoutName(let kind):
            return (("“\(kind)”缺少名称", "“\(kind) 名称”"), ("“\(kind)” without a name", "“\(kind) NAME”"))
        case .duplicateBlock(let key, let first):
            return (("\(key) 已在 \(first) 定义", "每个名称只定义一次"), ("\(key) is already defined at \(first)", "one block per name"))
        case .unknownKey(let key, let block, let expected):
            let list = expected.map { $0 + ":" }
            return (("\(block) 块中未知的键“\(key)”", list.joined(separator: " ")),
                    ("unknown key “\(key)” in a \(block) block", list.joined(separator: ", ")))
        case .emptyPattern:
            return (("空的模式", "文字、槽位（如 {customer}）或列表（如 ~visit）"),
                    ("an empty pattern", "words, slots like {customer}, lists like ~visit"))
        case .unclosed(let open):
            let close = ["(": ")", "[": "]", "{": "}"][open] ?? "?"
            return (("“\(open)”没有闭合", "“\(close)”"), ("“\(open)” is never closed", "“\(close)”"))
        case .emptyAlternative:
            return (("分组里有空的选项", "每个“|”两边都有内容"), ("an empty alternative in a group", "text on both sides of every “|”"))
        case .strayCharacter(let c):
            return (("多余的“\(c)”", "它关闭或分隔一个已打开的分组"), ("a stray “\(c)”", "it to close or separate an open group"))
        case .unknownSlotType(let type, let known):
            return (("未知的槽位类型“\(type)”", known.joined(separator: " ") + " 之一"),
                    ("unknown slot type “\(type)”", "one of " + known.joined(separator: " ")))
        case .unknownList(let name):
            return (("未知的列表“~\(name)”", "先用“list \(name.isEmpty ? "名称" : name)”定义"),
                    ("unknown list “~\(name)”", "a list defined with “list \(name.isEmpty ? "NAME" : name)”"))
        case .keyedLineInList:
            return (("列表中出现带键的行", "用“|”分隔的词"), ("a keyed line in a list", "entries separated by “|”"))
        case .synonymConflict(let entry, let means, let lookup):
            return (("“\(entry)”在 \(lookup) 中已表示 \(means)", "每个同义词只归一个取值"),
                    ("“\(entry)” already means \(means) in lookup \(lookup)", "each synonym under one value"))
        case .emptyExample:
            return (("空的例句", "业务员会输入的一句话"), ("an empty example", "a sentence a rep would type"))
        case .negativeExampleWithSlots:
            return (("反例带了槽位", "“not:”后只写句子"), ("a negative example with slots", "just the sentence after “not:”"))
        case .badSlotPair(let pair):
            return (("“\(pair)”不是 槽位=值", "用“;”分隔的 名称=值，如 customer=张三; level=2"),
                    ("“\(pair)” is not slot=value", "slots as name=value separated by “;”, e.g. customer=张三; level=2"))
        case .missingReplyLanguage(let reply, let language):
            return (("回复 \(reply) 缺少 \(language):", "zh: 和 en: 都要写"), ("reply \(reply) has no \(language): text", "both zh: and en:"))
        case .missingReply(let key):
            return (("缺少程序要用的回复 \(key)", "一个“reply \(key)”块"), ("the reply \(key), which the program says, is missing", "a “reply \(key)” block"))
        case .unknownPlaceholder(let name, let reply):
            return (("回复 \(reply) 中未知的占位符 {\(name)}", "程序提供的占位符"), ("unknown placeholder {\(name)} in reply \(reply)", "a placeholder the program fills"))
        case .notANumber(let text):
            return (("“\(text)”不是整数", "天数，如 7"), ("“\(text)” is not a whole number", "a number of days, e.g. 7"))
        case .badMonthDay(let text):
            return (("“\(text)”不是 月-日", "如 08-15"), ("“\(text)” is not month-day", "e.g. 08-15"))
        case .missingBlock(let block):
            return (("缺少“\(block)”块", "在 intents/ 的某个文件里写一个“\(block)”块"), ("no “\(block)” block", "a “\(block)” block in some file of intents/"))
        case .badPinyinLine(let line):
            return (("“\(line)”不是一行拼音", "“拼音 汉字…”，如 hu 户护"), ("“\(line)” is no pinyin line", "“syllable characters”, e.g. hu 户护"))
        case .badWordLine(let line):
            return (("“\(line)”不是一行英文词", "一行一个小写英文词，按字节顺序排好"), ("“\(line)” is no word line", "one lower-case word a line, in byte order"))
        case .rewriteLength(let entry):
            return (("改写“\(entry)”格式不对", "“原文 -> 改成”，两边字数相同（如 佢 -> 他、邊個 -> 哪个）"),
                    ("the rewrite “\(entry)” is malformed", "“typed -> folded” with as many characters on each side (佢 -> 他)"))
        case .badFestivalRule(let text):
            return (("“\(text)”不是节日的日期规则", "12-25、lunar 8-15、lunar eve、5 sun 2、easter +1 或 term 清明"),
                    ("“\(text)” is no festival date rule", "12-25, lunar 8-15, lunar eve, 5 sun 2, easter +1 or term 清明"))
        case .badHolidayEntry(let text):
            return (("“\(text)”不是放假安排", "off 10-01..10-07（放假）或 work 10-10（调休上班）"),
                    ("“\(text)” is no holiday entry", "off 10-01..10-07 (days off) or work 10-10 (a working weekend day)"))
        case .missingKey(let key, let block):
            return (("\(block) 块缺少 \(key):", "一行“\(key): …”"), ("a \(block) block without \(key):", "a line “\(key): …”"))
        case .badFixture(let text):
            return (("“\(text)”不是 ISO 8601 时间", "形如 2026-11-18T10:00:00+08:00"),
                    ("“\(text)” is not an ISO 8601 time", "e.g. 2026-11-18T10:00:00+08:00"))
        }
    }
}
