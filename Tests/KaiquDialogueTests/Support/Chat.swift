import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore

/// intents/ as shipped, loaded once for the dialogue tests.
enum Shipped {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static let files: [(path: String, text: String)] = {
        let folder = root.appendingPathComponent("intents")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(RuleSet.isDataFile).sorted().map {
            ($0, (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "")
        }
    }()

    static let rules: RuleSet = try! RuleSet.load(files: files, otherKinds: DialogueData.kinds)
    static let parser = Parser(rules: rules)
    static let data: DialogueData = {
        var data = try! DialogueData(rules: rules)
        data.catalogue = data.catalogue.filledTraditional(traditional)
        return data
    }()

    /// Simplified texts to traditional, as the CLI does it (ICU's Hans-Hant).
    static func traditional(_ texts: [String]) -> [String] {
        let joined = texts.joined(separator: "\u{1F}")
        let converted = joined.applyingTransform(StringTransform(rawValue: "Hans-Hant"), reverse: false) ?? joined
        return converted.components(separatedBy: "\u{1F}")
    }

    /// Lookup values in words, as the chat shows them.
    static let labels: [String: [String: [Language: String]]] = {
        var labels: [String: [String: [Language: String]]] = [:]
        for (lookup, values) in rules.lookupWords where lookup != "region" {
            for value in values.keys {
                let zh = rules.label(of: value, lookup: lookup, chinese: true) ?? value
                labels[lookup, default: [:]][value] = [.zhHans: zh, .zhHant: traditional([zh])[0], .en: rules.label(of: value, lookup: lookup, chinese: false) ?? value]
            }
        }
        return labels
    }()

    static let dialogue = Dialogue(rules: rules, data: data, valueLabels: labels)
}

/// A conversation with the shipped data and a real store on ":memory:" (or a file), its
/// clock pinned, as the tests drive it: lines in, rendered replies out.
final class Chat {
    let store: Store
    let book: Book
    var state = DialogueState()
    var customers: Gazetteer
    var now: Date
    let zone: TimeZone

    init(now: String = "2026-11-18T10:00:00+08:00", path: String = ":memory:", owner: String = "amy") throws {
        let pinned = ISODateTime.parse(now, defaultZone: TimeZone(secondsFromGMT: 0)!)!
        self.now = pinned.date
        zone = pinned.zone
        store = try Store(path: path, nameKey: { NameKey.of($0, normalizer: Shipped.rules.normalizer) }, cadence: Shipped.data.cadence)
        book = store.book(of: owner)
        customers = Shipped.rules.gazetteer(try book.customerNames())
    }

    var context: DialogueContext { DialogueContext(now: now, timeZone: zone) }

    /// Moves the clock on.
    func advance(days: Int, hours: Int = 0) { now += TimeInterval(days * 86_400 + hours * 3_600) }

    /// The replies to one line, rendered.
    @discardableResult
    func say(_ text: String) throws -> [String] {
        try replies(text).map { Shipped.data.catalogue.render($0) }
    }

    /// The replies to one line, as catalogue keys with parameters.
    func replies(_ text: String) throws -> [Reply] {
        let stamp = context.stamp
        return try Shipped.dialogue.run(.utterance(utterance(text, after: state.language)), in: &state, context: context, records: book, apply: { change in
            let outcome = try self.book.apply(change, at: stamp)
            if case .addCustomer(let card, _) = change { self.customers.add(card.name, normalizer: Shipped.rules.normalizer) }
            return outcome
        }, parse: utterance, describe: { "\($0)" }).replies
    }

    /// A line as the parser reads it now, in a conversation in `language` so far.
    func utterance(_ text: String, after language: Language) -> Utterance {
        let analysis = Shipped.parser.analyze(text, context: ParseContext(now: now, timeZone: zone, customers: customers), keepCandidates: false)
        var utterance = Utterance(analysis, suggestions: analysis.result.intent == ParseResult.fallback ? ["例句"] : [])
        utterance.result.language = Language.continuing(utterance.result.language, after: language, text: text) {
            Language.simplifiedOnly(Shipped.rules.normalizer)
        }
        return utterance
    }

    /// The replies to one line as a messaging app gets them (no bars, no tables).
    func plainReplies(_ text: String) throws -> [String] {
        var plain = DialogueContext(now: now, timeZone: zone, plainText: true)
        plain.plainText = true
        return try Shipped.dialogue.run(.utterance(utterance(text, after: state.language)), in: &state, context: plain, records: book,
                                        apply: { try self.book.apply($0, at: plain.stamp) }, parse: utterance, describe: { "\($0)" })
            .replies.map { Shipped.data.catalogue.render($0) }
    }

    /// The keys of the replies to one line.
    func keys(_ text: String) throws -> [String] { try replies(text).map(\.key) }

    /// The only card with this name.
    func card(_ name: String) throws -> CustomerCard? {
        let found = try book.customers(nameKey: NameKey.of(name, normalizer: Shipped.rules.normalizer))
        return try found.count == 1 ? book.card(found[0].id) : nil
    }
}
