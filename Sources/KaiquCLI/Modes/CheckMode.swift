import KaiquDialogue
import KaiquNLU

/// `kaiqu check [DIR]`: loads intents/ (the built-in copy, or DIR), runs every example
/// against all files together, checks each contract intent's coverage and that the holiday
/// schedule covers the years being planned (this one, the next from October, and any year the
/// store has a visit planned in), and says what is wrong. Exit 0 when all is well, 65 otherwise.
struct CheckMode {
    let session: Session
    let language: Language

    func run() -> ExitCode {
        let out = Output.standard
        let catalogue = session.data.catalogue
        let rules = session.data.parser.rules
        let runner = ExampleRunner(parser: session.data.parser)
        let outcomes = runner.run()
        func say(_ key: String, _ parameters: ReplyParameters) { out.line(catalogue.render(key, language, parameters)) }

        say("check.summary", ["intents": String(rules.intents.count), "patterns": String(rules.patterns.count),
                              "examples": String(outcomes.count)])
        var failed = 0
        for outcome in outcomes where !outcome.passed {
            failed += 1
            let got = ([outcome.result.intent] + outcome.result.slots.keys.sorted().map { "\($0)=\(outcome.result.slots[$0]!)" }).joined(separator: " ")
            let wanted = ([outcome.intent] + outcome.example.slots.keys.sorted().map { "\($0)=\(outcome.example.slots[$0]!)" }).joined(separator: " ")
            say(outcome.example.positive ? "check.fail" : "check.fail_negative",
                ["at": outcome.example.location.description, "text": outcome.example.text, "got": got, "wanted": wanted])
        }
        for outcome in outcomes where outcome.passed && outcome.tiedWith != nil && outcome.example.positive {
            say("check.tie", ["at": outcome.example.location.description, "text": outcome.example.text,
                              "intent": outcome.result.intent, "other": outcome.tiedWith!])
        }
        let coverage = runner.coverage()
        let short = coverage.filter { !$0.sufficient && ContractIntents.ids.contains($0.intent) }
        for item in short {
            say(item.defined ? "check.coverage" : "check.undefined",
                ["intent": item.intent, "hans": String(item.positives[.zhHans, default: 0]),
                 "hant": String(item.positives[.zhHant, default: 0]), "en": String(item.positives[.en, default: 0]),
                 "negatives": String(item.negatives)])
        }
        if !catalogue.missingTraditional.isEmpty { say("check.no_hant", ["count": String(catalogue.missingTraditional.count)]) }
        var calendarMissing = false
        let today = DialogueContext(now: session.now(), timeZone: session.timeZone).today
        let stored = ((try? session.store?.plannedYears()) ?? nil) ?? []
        for year in Set(Self.plannedYears(today: today) + stored.filter { $0 >= today.year }).sorted() {
            switch rules.calendar.coverage(of: year) {
            case .missing:
                calendarMissing = true
                say("check.calendar_missing", ["year": String(year)])
            case .statutory:
                say("check.calendar_statutory", ["year": String(year), "source": rules.calendar.schedules[year]?.source ?? ""])
            case .official:
                break
            }
        }
        let covered = ContractIntents.ids.count - short.count
        say("check.result", ["passed": String(outcomes.count - failed), "examples": String(outcomes.count),
                             "covered": String(covered), "contract": String(ContractIntents.ids.count)])
        return failed == 0 && short.isEmpty && !calendarMissing ? .ok : .dataError
    }

    /// The years reps are planning in: this one, and the next from October on (春节 visits
    /// and the year's first orders are planned in the autumn).
    static func plannedYears(today: CivilDay) -> [Int] {
        today.month >= 10 ? [today.year, today.year + 1] : [today.year]
    }
}
