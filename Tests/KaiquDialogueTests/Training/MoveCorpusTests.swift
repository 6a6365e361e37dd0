import Foundation
import XCTest
import KaiquNLU
@testable import KaiquDialogue

/// The move reader on a corpus of rep lines written apart from its cue words (Moves/README.md):
/// per move, how many of the lines that make it are read as making it (recall) and how many
/// of the lines read as making it do (precision).
final class MoveCorpusTests: XCTestCase {
    struct Line: Decodable {
        let text: String
        let lang: String
        let moves: [String]
    }

    func testTheMoveReaderFindsTheMovesOfLinesNobodyWroteItFor() throws {
        for (set, count) in [("set1", 240), ("set2", 160), ("set3", 150), ("set4", 150)] { try score(set, count: count) }
    }

    private func score(_ set: String, count: Int) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Moves/\(set).jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try JSONDecoder().decode(Line.self, from: Data($0.utf8))
        }
        XCTAssertEqual(lines.count, count, set)
        let chat = try Chat()
        let reader = MoveReader(data: Shipped.data.training, normalizer: Shipped.rules.normalizer)
        var truePositive: [Move: Int] = [:], expected: [Move: Int] = [:], found: [Move: Int] = [:]
        var exact = 0
        var misses: [String] = []
        for line in lines {
            let want = Set(line.moves.compactMap(Move.init(rawValue:)))
            let got = reader.moves(in: chat.utterance(line.text, after: .zhHans), now: chat.context.stamp)
            for move in want { expected[move, default: 0] += 1 }
            for move in got { found[move, default: 0] += 1 }
            for move in want.intersection(got) { truePositive[move, default: 0] += 1 }
            if want == got { exact += 1 } else {
                misses.append("\(line.text)  want \(want.map(\.rawValue).sorted()) got \(got.map(\.rawValue).sorted())")
            }
        }
        var report = "moves \(set): \(exact)/\(lines.count) lines read exactly\n"
        var recalls: [Double] = [], precisions: [Double] = []
        for move in Move.allCases {
            let recall = Double(truePositive[move] ?? 0) / Double(max(expected[move] ?? 0, 1))
            let precision = Double(truePositive[move] ?? 0) / Double(max(found[move] ?? 0, 1))
            recalls.append(recall)
            precisions.append(precision)
            report += String(format: "  %-12@ recall %.2f (%d)  precision %.2f (%d)\n", move.rawValue, recall, expected[move] ?? 0, precision, found[move] ?? 0)
        }
        print(report)
        // KAIQU_MOVE_MISSES=FILE writes every line read otherwise, for whoever tunes the cue words.
        if let path = ProcessInfo.processInfo.environment["KAIQU_MOVE_MISSES"] {
            try (report + misses.joined(separator: "\n") + "\n").write(toFile: path + "." + set, atomically: true, encoding: .utf8)
        }
        XCTAssertGreaterThanOrEqual(Double(exact) / Double(lines.count), Self.exactFloor, report)
        XCTAssertGreaterThanOrEqual(recalls.min() ?? 0, Self.recallFloor, report)
        XCTAssertGreaterThanOrEqual(precisions.min() ?? 0, Self.precisionFloor, report)
    }

    // The floors: a little under the figures reached, so a change that makes it worse fails.
    static let exactFloor = 0.80
    static let recallFloor = 0.72
    static let precisionFloor = 0.70
}
