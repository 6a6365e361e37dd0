import Foundation
import KaiquDialogue
import KaiquNLU

/// Where the conversational data comes from: the intents/ the binary was built with, or a
/// folder named by `--intents`, `kaiqu check DIR` or $KAIQU_INTENTS, so a sales manager can
/// try an edited copy without recompiling.
enum DataSource {
    case embedded
    case directory(String)

    func files() throws(CLIError) -> [(path: String, text: String)] {
        switch self {
        case .embedded:
            return embeddedIntentFiles
        case .directory(let path):
            let root = URL(fileURLWithPath: path).standardizedFileURL
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw .noSuchDirectory(path)
            }
            var files: [(String, String)] = []
            let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                let relative = String(url.standardizedFileURL.path.dropFirst(root.path.count + 1))
                guard RuleSet.isDataFile(relative) else { continue }
                guard let data = FileManager.default.contents(atPath: url.path) else { throw .unreadableFile(url.path) }
                files.append((relative, String(decoding: data, as: UTF8.self)))
            }
            return files
        }
    }
}

/// The loaded data: rules and parser, replies and the dialogue's policy. Loading it is the
/// whole start-up cost.
struct LoadedData {
    let parser: Parser
    let dialogue: DialogueData

    var catalogue: ReplyCatalogue { dialogue.catalogue }

    /// `checkingExamples` also reports mistakes in example lines, which only `kaiqu check` reads.
    init(_ source: DataSource, checkingExamples: Bool) throws(CLIError) {
        let files = try source.files()
        do {
            let rules = try RuleSet.load(files: files, otherKinds: DialogueData.kinds, checkingExamples: checkingExamples)
            parser = Parser(rules: rules)
            dialogue = try DialogueData(rules: rules)
        } catch {
            throw .data(error.errors)
        }
    }
}
