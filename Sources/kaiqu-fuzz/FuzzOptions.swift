import Foundation

/// kaiqu-fuzz's command line.
struct FuzzOptions {
    var lines = 100_000
    var seed: UInt64 = 1
    var storeDirectory: String?
    var slowMilliseconds = 100.0
    var hangSeconds = 10.0
    var keepGoing = false
    /// Stop after this long, whatever --lines says.
    var maxSeconds: Double?
    /// Print each line and its replies (without --keep-going).
    var verbose = false
    /// Set in the child processes of --keep-going: where to start, and records on stdout.
    var worker: (line: Int, scenario: Int)?

    static let usage = """
        usage: kaiqu-fuzz [--lines N] [--seed S] [--store-dir DIR] [--report-slow MS] [--hang-seconds S] [--keep-going] [--max-seconds S] [--verbose]
          --lines N          lines to run (default 100000), the reproducers first
          --seed S           the generator's seed (default 1): the same seed runs the same lines
          --store-dir DIR    where the store, last-lines.txt and crashes/ go (default: a new temporary folder, kept)
          --report-slow MS   a line slower than this is slow (default 100); any slow line makes the exit status 1
          --hang-seconds S   a line running longer aborts the run as a hang (default 10)
          --keep-going       run the lines in child processes and carry on after a crash or hang, noting each
          --max-seconds S    stop after S seconds and report the lines run so far
          --verbose          print each line and its replies (not with --keep-going)
        """

    init(_ arguments: [String]) throws {
        var rest = arguments[...]
        func value(_ name: String) throws -> String {
            guard let next = rest.popFirst() else { throw Problem("\(name) needs a value") }
            return next
        }
        func number<T: LosslessStringConvertible>(_ name: String) throws -> T {
            let text = try value(name)
            guard let parsed = T(text) else { throw Problem("\(name): not a number: \(text)") }
            return parsed
        }
        while let argument = rest.popFirst() {
            switch argument {
            case "--lines": lines = try number(argument)
            case "--seed": seed = try number(argument)
            case "--store-dir": storeDirectory = try value(argument)
            case "--report-slow": slowMilliseconds = try number(argument)
            case "--hang-seconds": hangSeconds = try number(argument)
            case "--keep-going": keepGoing = true
            case "--max-seconds": maxSeconds = try number(argument)
            case "--verbose": verbose = true
            case "--worker": worker = (try number(argument), try number(argument))
            case "-h", "--help": throw Problem(nil)
            default: throw Problem("unknown option \(argument)")
            }
        }
        guard lines >= 0, slowMilliseconds > 0, hangSeconds > 0 else { throw Problem("--lines, --report-slow and --hang-seconds must be positive") }
    }

    /// A wrong command line; nil message for --help.
    struct Problem: Error {
        let message: String?
        init(_ message: String?) { self.message = message }
    }

    /// The folder of this run: the one given, or a new one in the temporary folder.
    func directory() -> URL {
        if let storeDirectory { return URL(fileURLWithPath: storeDirectory) }
        return FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-fuzz-seed\(seed)-\(getpid())")
    }
}
