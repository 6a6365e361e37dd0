import Foundation
import KaiquDialogue
import KaiquNLU

/// The package's own intents/, loaded once for all NLU tests, and the fixture's clock:
/// 2026-11-18T10:00+08:00.
enum TestData {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let intents = packageRoot.appendingPathComponent("intents")

    static func files(in folder: URL = intents) -> [(path: String, text: String)] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter(RuleSet.isDataFile).sorted().map {
            ($0, (try? String(contentsOf: folder.appendingPathComponent($0), encoding: .utf8)) ?? "")
        }
    }

    static let rules: RuleSet = {
        do { return try RuleSet.load(files: files(), otherKinds: DialogueData.kinds) } catch let error as DataErrors {
            fatalError("intents/ does not load: \(error.errors.map(\.position))")
        } catch {
            fatalError("intents/ does not load: \(error)")
        }
    }()

    static let parser = Parser(rules: rules)
    static let normalizer = rules.normalizer

    /// The fixture's clock and customers.
    static let context = rules.fixture.context(rules: rules)

    /// A rule set made of the table plus the given extra files (path, text).
    static func rules(with extra: [(path: String, text: String)]) throws(DataErrors) -> RuleSet {
        try RuleSet.load(files: files().filter { $0.path == RuleSet.tableFile || $0.path == "lists.kaiqu" || $0.path == "lookups.kaiqu" } + extra,
                         otherKinds: DialogueData.kinds)
    }
}
