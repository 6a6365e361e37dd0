/// The lines of a fuzz run, as numbered scenarios. The reproducers come first; scenario k
/// after them is made from the seed and k alone, so a run that crashed can resume at the
/// scenario after the one that crashed it, and a line is found again from its place.
public struct LineGenerator {
    public let seed: UInt64
    /// The example sentences of intents/, as templates to mutate.
    let examples: [String]

    public init(seed: UInt64, examples: [String]) {
        self.seed = seed
        self.examples = examples.isEmpty ? ["你好"] : examples
    }

    public func scenario(_ index: Int) -> Scenario {
        if index < Reproducers.scenarios.count { return Reproducers.scenarios[index] }
        var random = FuzzRandom(seed: seed, index: index)
        // Weights out of 200: questions and lists most, long lines rarely (each costs
        // thousands of times an ordinary line while they are slow).
        let roll = random.below(200)
        switch roll {
        case ..<40: return pick(&random)
        case ..<64: return checklist(&random)
        case ..<80: return credit(&random)
        case ..<92: return delete(&random)
        case ..<108: return list(&random)
        case ..<124: return update(&random)
        case ..<176: return Scenario(kind: "example", lines: (0..<random.within(1...3)).map { _ in Mutation.mutate(random.pick(examples), &random) })
        case ..<186: return Scenario(kind: "answer", lines: [answer(&random)])
        case ..<196: return Scenario(kind: "garbage", lines: [Mutation.garbage(&random)])
        default: return long(&random)
        }
    }

    /// Cards that share a surname, then a request that names them by title: Kaiqu lists them
    /// and asks which one; the answers are in range, out of it, or no number at all.
    private func pick(_ random: inout FuzzRandom) -> Scenario {
        let group = random.pick(Pools.nameGroups)
        var lines: [String] = []
        for name in group.names where random.chance(40) {
            lines.append("添加客户 \(name) 电话1380013\(fourDigits(random.below(10_000)))")
        }
        lines.append(random.pick(["查看\(group.title)", "\(group.title)的电话", "明天下午3点拜访\(group.title)", "记一下，\(group.title)喜欢钓鱼",
                                  "\(group.title)是A类客户", "删除客户 \(group.title)", "\(group.title)下单了3千5", group.title]))
        return Scenario(kind: "pick", answers(to: lines, &random, from: [Pools.numbers, Pools.ranges, Pools.names, Pools.yesNo, Pools.phones]))
    }

    private func checklist(_ random: inout FuzzRandom) -> Scenario {
        let name = random.pick(Pools.names)
        var lines = random.chance(30) ? ["添加客户 \(name) 电话13900\(fourDigits(random.below(10_000)))00"] : []
        lines.append(random.pick(["开始开发\(name)", "\(name)下一步", "开始开发\(name)", "\(name)开发到哪一步了"]))
        return Scenario(kind: "checklist", answers(to: lines, &random, from: [Pools.checklist, Pools.ranges, Pools.numbers]))
    }

    private func credit(_ random: inout FuzzRandom) -> Scenario {
        let name = random.pick(Pools.names)
        var lines = [random.pick(["评估\(name)的信用", "\(name)的信用怎么样", "给\(name)做个信用评估"])]
        for _ in 0..<random.within(1...6) { lines.append(random.chance(85) ? random.pick(Pools.credit) : String(decoding: answer(&random), as: UTF8.self)) }
        return Scenario(kind: "credit", lines)
    }

    private func delete(_ random: inout FuzzRandom) -> Scenario {
        let who = random.chance(70) ? random.pick(Pools.names) : random.pick(Pools.nameGroups).title
        let lines = [random.pick(["删除客户 \(who)", "把\(who)删了", "删除\(who)"])]
        return Scenario(kind: "delete", answers(to: lines, &random, from: [Pools.yesNo, Pools.numbers]))
    }

    private func list(_ random: inout FuzzRandom) -> Scenario {
        Scenario(kind: "list", answers(to: [random.pick(Pools.lists)], &random, from: [Pools.listFollowUps, Pools.numbers, Pools.ranges]))
    }

    /// A value changed, a visit planned: numbers, dates and phones in the slots.
    private func update(_ random: inout FuzzRandom) -> Scenario {
        let name = random.pick(Pools.names)
        let line = switch random.below(5) {
        case 0: "把\(name)的电话改成\(random.pick(Pools.phones))"
        case 1: "\(name)的生日是\(random.pick(Pools.dates))"
        case 2: "\(random.pick(Pools.dates))拜访\(name)"
        case 3: "\(name)下单了\(random.pick(Pools.numbers))"
        default: "取消\(random.pick(Pools.dates))拜访\(name)"
        }
        return Scenario(kind: "update", answers(to: [line], &random, from: [Pools.yesNo, Pools.dates, Pools.numbers]))
    }

    /// Up to 4 KB of one unit, sometimes just past the line limit, sometimes as the answer
    /// to a question that is waiting for a number.
    private func long(_ random: inout FuzzRandom) -> Scenario {
        let length = random.pick([512, 1_024, 2_048, 4_000, 4_096, 4_096, 4_097, 6_000])
        let line = Mutation.long(random.pick(Pools.longUnits), length: length)
        let opener = random.pick([[], ["查看王总"], ["开始开发张伟"], ["评估张伟的信用"], ["本周要拜访谁"]])
        return Scenario(kind: "long", lines: opener.map { Array($0.utf8) } + [line])
    }

    /// One to three answers after the opening lines, each from one of `pools`, now and then
    /// mutated or replaced by any answer at all.
    private func answers(to lines: [String], _ random: inout FuzzRandom, from pools: [[String]]) -> [String] {
        var lines = lines
        for _ in 0..<random.within(1...3) {
            let text = random.pick(random.pick(pools))
            lines.append(random.chance(15) ? String(decoding: Mutation.mutate(text, &random), as: UTF8.self) : text)
        }
        return lines
    }

    /// Any answer: a number, a range, a date, a phone, a name, yes or no, 算了, mutated or not.
    private func answer(_ random: inout FuzzRandom) -> [UInt8] {
        let pools = [Pools.numbers, Pools.ranges, Pools.dates, Pools.phones, Pools.names, Pools.yesNo, ["算了", "不用了", "退出"]]
        let text = random.pick(random.pick(pools))
        return random.chance(30) ? Mutation.mutate(text, &random) : Array(text.utf8)
    }
}

/// Four digits, zero-padded: phone endings.
func fourDigits(_ value: Int) -> String {
    let digits = String(value)
    return String(repeating: "0", count: max(0, 4 - digits.count)) + digits
}
