// kaiqu-bench: the performance figures of Kaiqu, printed, never asserted.
// Build and run in release: `swift run -c release kaiqu-bench`.
//
//   parse      median and p99 of one parse, over every example sentence of intents/ (a fixed
//              mix of zh-Hans, zh-Hant and en), with 10,000 and 100,000 customers known
//              (`kaiqu-bench parse` prints these alone, for profiling the parser)
//   start-up   process start to first reply of `printf '帮助\n' | kaiqu`, median of 20 runs
//   memory     peak resident set of this process and of the kaiqu runs
//   store      a book of 100,000 customers: fill, open, lists, adds (`kaiqu-bench store`)
//   reports    a book of 100,000 customers, 200,000 visits, 500,000 orders: each report, and
//              an order recorded with its commit (`kaiqu-bench reports`)
//   churn      the file size of 10,000 customers after 100,000 changes (`kaiqu-bench churn`)
//   bridge     `kaiqu serve` with 1,000 reps: latency, throughput, memory over 1M messages,
//              and no acknowledged change lost to kill -9 (`kaiqu-bench bridge [MESSAGES]`)
import Foundation
import KaiquCLI
import KaiquDialogue
import KaiquNLU

func measureParse(_ parser: Parser, _ sentences: [String], customers: Int) -> (median: Double, p99: Double, allMedian: Double) {
    let r = measureEach(parser, sentences, customers: customers)
    let best = r.best.sorted()
    return (best[best.count / 2], best[Int(Double(best.count) * 0.99)], r.allMedian)
}

/// Each sentence's best time of five rounds, in the order given, and the median of every timing.
func measureEach(_ parser: Parser, _ sentences: [String], customers: Int) -> (best: [Double], allMedian: Double) {
    var names: [String] = ["张三", "李四", "王建国", "陈静", "刘洋", "赵敏", "Li Ming", "David Chen"]
    let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
    let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红娥玲芬燕彬鹏飞斌波宇浩凯健俊帆")
    let latin = ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou"]
    var i = 0
    while names.count < customers {
        if i % 10 == 9 {
            names.append("\(latin[i % latin.count]) \(latin[(i / 10) % latin.count])\(i)")
        } else {
            names.append(String(surnames[i % surnames.count]) + String(given[(i / surnames.count) % given.count])
                         + (i % 3 == 0 ? "" : String(given[(i / 7) % given.count])))
        }
        i += 1
    }
    let pinned = ISODateTime.parse("2026-11-18T10:00:00+08:00", defaultZone: TimeZone(secondsFromGMT: 0)!)!
    let context = ParseContext(now: pinned.date, timeZone: pinned.zone, customers: parser.rules.gazetteer(names))
    // Warm up, then time each sentence separately, five rounds. This machine shares its cores,
    // so a sentence's time is its best round (what the code costs, not what a neighbour stole);
    // the median of every single timing is reported too.
    for sentence in sentences { _ = parser.parse(sentence, context: context) }
    var best = [Double](repeating: .infinity, count: sentences.count)
    var all: [Double] = []
    for _ in 0..<5 {
        for (index, sentence) in sentences.enumerated() {
            let start = DispatchTime.now().uptimeNanoseconds
            let result = parser.parse(sentence, context: context)
            let end = DispatchTime.now().uptimeNanoseconds
            if result.intent.isEmpty { print("impossible") }
            let micro = Double(end - start) / 1_000
            best[index] = min(best[index], micro)
            all.append(micro)
        }
    }
    all.sort()
    return (best, all[all.count / 2])
}

func measureStartUp(_ binary: URL, runs: Int) -> (median: Double, best: Double) {
    var times: [Double] = []
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-bench-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    for _ in 0..<runs {
        let process = Process()
        process.executableURL = binary
        process.environment = ["HOME": home.path, "XDG_DATA_HOME": home.path]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        let start = DispatchTime.now().uptimeNanoseconds
        try! process.run()
        input.fileHandleForWriting.write(Data("帮助\n".utf8))
        try? input.fileHandleForWriting.close()
        _ = output.fileHandleForReading.availableData
        let end = DispatchTime.now().uptimeNanoseconds
        process.waitUntilExit()
        times.append(Double(end - start) / 1_000_000)
    }
    times.sort()
    return (times[times.count / 2], times[0])
}

/// Peak memory of one `printf '帮助\n' | kaiqu`, from wait4: posix_spawn does not copy this
/// process's memory into the child's count, as fork would.
func peakOfOneRun(_ binary: URL) -> Double {
    var fds: [Int32] = [0, 0]
    pipe(&fds)
    var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    posix_spawn_file_actions_adddup2(&actions, fds[0], 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addclose(&actions, fds[1])
    var pid: pid_t = 0
    let home = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-bench-rss").path
    let argv: [UnsafeMutablePointer<CChar>?] = [strdup(binary.path), nil]
    let envp: [UnsafeMutablePointer<CChar>?] = [strdup("HOME=\(home)"), strdup("XDG_DATA_HOME=\(home)"), nil]
    guard posix_spawn(&pid, binary.path, &actions, nil, argv, envp) == 0 else { return -1 }
    close(fds[0])
    _ = "帮助\n".withCString { write(fds[1], $0, strlen($0)) }
    close(fds[1])
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    try? FileManager.default.removeItem(atPath: home)
    return Double(usage.ru_maxrss) / 1024
}

func peakMegabytes(_ who: __rusage_who) -> Double {
    var usage = rusage()
    getrusage(who.rawValue, &usage)
    return Double(usage.ru_maxrss) / 1024
}

if CommandLine.arguments.dropFirst().first == "store" {
    try StoreBench.run()
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "bridge" {
    try BridgeBench.run(messages: CommandLine.arguments.dropFirst(2).first.flatMap { Int($0) } ?? 1_000_000)
    exit(0)
}
if CommandLine.arguments.dropFirst().first == "reports" {
    try ReportBench.run()
    exit(0)
}
// Only the parse figures (for profiling the parser): `kaiqu-bench parse`.
let parseOnly = CommandLine.arguments.dropFirst().first == "parse"
if CommandLine.arguments.dropFirst().first == "churn" {
    try ChurnBench.run()
    exit(0)
}

// kaiqu's start-up and memory first: on exec, Linux carries the parent's peak memory into
// the child's figure, so it must be taken while this process is still small.
let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("kaiqu")
if !parseOnly {
    if FileManager.default.isExecutableFile(atPath: binary.path) {
        let s = measureStartUp(binary, runs: 20)
        print(String(format: "start to first reply (printf '帮助\\n' | kaiqu): median %.1f ms, best %.1f ms (target ≤ 30)", s.median, s.best))
        print(String(format: "peak memory of kaiqu: %.1f MB (target ≤ 40)", peakOfOneRun(binary)))
    } else {
        print("start-up: no kaiqu binary beside \(CommandLine.arguments[0]); build it first (swift build -c release)")
    }
}

let rules = try RuleSet.load(files: Kaiqu.builtInIntentFiles, otherKinds: DialogueData.kinds)
let parser = Parser(rules: rules)
let sentences = rules.intents.flatMap { $0.examples.map(\.text) }
print("kaiqu-bench (\(sentences.count) sentences from intents/: \(Set(sentences.map { Language.detect($0, normalizer: rules.normalizer)?.rawValue ?? "-" }).sorted().joined(separator: ", ")))")
for customers in [10_000, 100_000] {
    let r = measureParse(parser, sentences, customers: customers)
    print(String(format: "parse, %6d customers: median %6.1f µs   p99 %6.1f µs   (targets: median ≤ 50, p99 ≤ 200; each sentence's best of 5 rounds; median of all %d timings %.1f µs)", customers, r.median, r.p99, sentences.count * 5, r.allMedian))
}
// Sentences as reps type them (long, colloquial, typos, Cantonese, mixed): the development
// corpus copied into the tests, which the cue layer and the typo pass work hardest on.
let devCorpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Tests/KaiquNLUTests/Match/DevCorpus")
let devSentences = ["nlu_dev.jsonl", "nlu_dev_oos.jsonl"].flatMap { file -> [String] in
    guard let text = try? String(contentsOf: devCorpus.appendingPathComponent(file), encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap { line in
        (try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["text"] as? String
    }
}
if devSentences.isEmpty {
    print("parse, development corpus: not found beside the sources (Tests/KaiquNLUTests/Match/DevCorpus)")
} else {
    let each = measureEach(parser, devSentences, customers: 10_000)
    let best = each.best.sorted()
    print(String(format: "parse, %d sentences of the development corpus, 10000 customers: median %6.1f µs   p99 %6.1f µs   (median of all timings %.1f µs)",
                 devSentences.count, best[best.count / 2], best[Int(Double(best.count) * 0.99)], each.allMedian))
    for (time, sentence) in zip(each.best, devSentences).sorted(by: { $0.0 > $1.0 }).prefix(5) {
        print(String(format: "  slowest: %6.1f µs  %@", time, String(sentence.prefix(60))))
    }
}
print(String(format: "peak memory of this benchmark (100,000 customers in its gazetteer): %.1f MB", peakMegabytes(RUSAGE_SELF)))
if parseOnly { exit(0) }

// The store, in a child process so its memory is counted alone (after what is printed so far).
fflush(nil)
let storeBench = Process()
storeBench.executableURL = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
storeBench.arguments = ["store"]
try storeBench.run()
storeBench.waitUntilExit()
let churnBench = Process()
churnBench.executableURL = storeBench.executableURL
churnBench.arguments = ["churn"]
try churnBench.run()
churnBench.waitUntilExit()
