import Foundation

/// Where Kaiqu keeps its files: $XDG_DATA_HOME/kaiqu, else ~/.local/share/kaiqu.
struct Paths {
    let dataDirectory: String
    let store: String
    let history: String
    /// True when the store was named (--store, KAIQU_STORE), not the default.
    let storeIsExplicit: Bool

    /// `history` is per rep: two accounts sharing a HOME never see each other's lines.
    init(environment: [String: String], storeOption: String?, owner: String) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        dataDirectory = base + "/kaiqu"
        let named = storeOption ?? environment["KAIQU_STORE"].flatMap { $0.isEmpty ? nil : $0 }
        store = named ?? dataDirectory + "/kaiqu.db"
        storeIsExplicit = named != nil
        let safe = owner.unicodeScalars.map { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) ? String($0) : "_" }.joined()
        history = dataDirectory + "/history-" + safe
    }
}
