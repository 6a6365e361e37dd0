import Foundation

/// Where Kaiqu keeps its files: $XDG_DATA_HOME/kaiqu, else ~/.local/share/kaiqu.
struct Paths {
    let dataDirectory: String
    let store: String
    let history: String

    init(environment: [String: String], storeOption: String?) {
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        let base = environment["XDG_DATA_HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? home + "/.local/share"
        dataDirectory = base + "/kaiqu"
        store = storeOption ?? environment["KAIQU_STORE"].flatMap { $0.isEmpty ? nil : $0 } ?? dataDirectory + "/kaiqu.db"
        history = dataDirectory + "/history"
    }
}
