import Foundation
import KaiquDialogue
import KaiquNLU
import KaiquStore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kaiqu replay FILE.dialogue [--check]`: a written conversation played as a lesson, on a
/// store of its own: each line the rep types, then Kaiqu's answer, at reading pace on a
/// terminal and all at once when piped. `--check` plays it silently and compares every answer
/// with the file's, and exits 1 with the differences when any differs.
struct ReplayMode {
    let options: Options
    let environment: [String: String]
    let language: Language

    func run() throws(CLIError) -> ExitCode {
        let path = options.arguments[0]
        guard let data = FileManager.default.contents(atPath: path) else { throw .unreadableFile(path) }
        let script = DialogueScript(String(decoding: data, as: UTF8.self))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-replay-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("lesson.db").path
        // Made before the first session, which then does not announce a new store.
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            _ = try Store(path: store)
        } catch let error as StoreError { throw .store(error) } catch { throw .cannotWrite(folder.path, "\(error)") }
        let paced = !options.check && isatty(1) == 1
        var differences: [String] = []
        var catalogue: ReplyCatalogue?
        for part in script.parts {
            var sessionOptions: Options
            do { sessionOptions = try Options(part.arguments) } catch { throw .usage(error) }
            sessionOptions.store = store
            let session = try Session(options: sessionOptions, environment: environment, store: .write)
            catalogue = session.data.catalogue
            guard let book = session.book else { return .cannotCreate }
            let conversation = Conversation(session: session, book: book)
            for turn in part.turns {
                let (replies, _) = conversation.handle(.bytes(Array(turn.typed.utf8)))
                let got = replies.flatMap { $0.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) }
                if options.check {
                    if got != turn.expected { differences.append(Self.difference(path, turn, got, session.data.catalogue, language)) }
                    continue
                }
                Output.standard.line("> " + turn.typed)
                if paced { usleep(400_000) }
                for line in got {
                    Output.standard.line(line)
                    // About what a reader takes in: 40 ms a character, at most 2.5 s a line.
                    if paced { usleep(UInt32(min(2_500_000, 40_000 * line.count))) }
                }
                Output.standard.line("")
            }
        }
        guard options.check else { return .ok }
        let turns = script.parts.reduce(0) { $0 + $1.turns.count }
        let words: ReplyCatalogue
        if let catalogue { words = catalogue } else {
            let plain: Options
            do { plain = try Options([]) } catch { throw .usage(error) }
            words = try Session(options: plain, environment: environment, store: .none).data.catalogue
        }
        for difference in differences { Output.standard.write(difference) }
        Output.standard.line(words.render(differences.isEmpty ? "replay.passed" : "replay.failed", language,
                                              ["file": path, "turns": String(turns), "failed": String(differences.count)]))
        return differences.isEmpty ? .ok : .failure
    }

    // One turn that answered otherwise: where, what was typed, and the lines side by side.
    private static func difference(_ path: String, _ turn: DialogueScript.Turn, _ got: [String],
                                   _ catalogue: ReplyCatalogue, _ language: Language) -> String {
        var text = catalogue.render("replay.turn", language, ["at": "\(path):\(turn.line)", "typed": turn.typed]) + "\n"
        for index in 0..<max(got.count, turn.expected.count) {
            let want = index < turn.expected.count ? turn.expected[index] : nil
            let have = index < got.count ? got[index] : nil
            if want == have { text += "    " + (want ?? "") + "\n"; continue }
            if let want { text += "  - " + want + "\n" }
            if let have { text += "  + " + have + "\n" }
        }
        return text
    }
}
