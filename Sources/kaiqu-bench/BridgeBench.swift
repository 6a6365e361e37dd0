import Foundation
import KaiquStore

/// `kaiqu-bench bridge [MESSAGES]`: `kaiqu serve` as a bridge drives it. 1,000 reps, each with
/// ten of 10,000 customers, send interleaved messages, 90% questions and 10% changes:
///
/// - latency: one request at a time, the round trip through the pipe, p50 and p99;
/// - throughput: all requests written at once, messages per second;
/// - memory: the serve process's resident set after 100k and after MESSAGES (default 1M);
/// - durability: changes streamed, the process killed with -9 mid-stream, every change it
///   acknowledged looked for in the store.
enum BridgeBench {
    static let users = 1_000
    static let perUser = 10

    static func run(messages: Int) throws {
        let binary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("kaiqu")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-bridge-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = folder.appendingPathComponent("team.db").path
        let names = customerNames(users * perUser)
        var workload = Workload(names: names)

        let serve = try Serve(binary: binary, store: store)
        // Setting up: every rep registers on their first message and adds their ten cards.
        var setUp: [String] = []
        for card in 0..<perUser { for user in 0..<users { setUp.append(workload.request(user, "添加客户 \(names[user * perUser + card]) 电话13\(String(format: "%09d", user * perUser + card))")) } }
        let added = try serve.stream(setUp)
        report(String(format: "bridge set-up: %d reps, %d cards added through serve in %.1f s (%.0f messages/s)", users, setUp.count, added, Double(setUp.count) / added))

        // Latency: one at a time.
        var latencies: [Double] = []
        for _ in 0..<20_000 {
            let line = workload.next()
            let start = DispatchTime.now().uptimeNanoseconds
            try serve.send([line])
            _ = try serve.readResponse()
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000)
        }
        latencies.sort()
        report(String(format: "bridge latency, one message at a time (20,000, round trip through the pipes): p50 %.0f µs, p99 %.0f µs, max %.0f µs (target p99 ≤ 1,000)",
                     latencies[latencies.count / 2], latencies[latencies.count * 99 / 100], latencies.last!))

        // Throughput and memory: streamed, in rounds of 100k.
        var sent = 0
        var elapsed = 0.0
        var rssAt100k = 0.0
        let cpuBefore = (client: Self.cpuSeconds("self"), serve: Self.cpuSeconds(String(serve.process.processIdentifier)))
        // Each round's rate too: the store grows by every change, so later rounds do more work.
        var rounds: [String] = []
        while sent < messages {
            let round = min(100_000, messages - sent)
            let seconds = try serve.stream((0..<round).map { _ in workload.next() })
            elapsed += seconds
            rounds.append(String(format: "%.0f", Double(round) / seconds))
            sent += round
            if sent == 100_000 { rssAt100k = serve.residentMegabytes() }
        }
        report(String(format: "bridge throughput: %d messages (%.0f%% questions) in %.1f s: %.0f messages/s (target ≥ 20,000)",
                     sent, workload.questionShare * 100, elapsed, Double(sent) / elapsed))
        report("bridge throughput by round of 100k, messages/s: " + rounds.joined(separator: " "))
        let cpu = (client: Self.cpuSeconds("self") - cpuBefore.client, serve: Self.cpuSeconds(String(serve.process.processIdentifier)) - cpuBefore.serve)
        report(String(format: "bridge CPU while streaming: kaiqu serve %.0f µs a message (%.2f cores), this bench's client %.0f µs a message (%.2f cores)",
                     cpu.serve / Double(sent) * 1e6, cpu.serve / elapsed, cpu.client / Double(sent) * 1e6, cpu.client / elapsed))
        report(String(format: "bridge memory of kaiqu serve: %.1f MB resident after 100k messages, %.1f MB after %dk, peak %.1f MB",
                     rssAt100k, serve.residentMegabytes(), sent / 1_000, serve.peakMegabytes()))
        try serve.finish()

        try durability(binary: binary, store: store, names: names, workload: &workload)
    }

    // Changes streamed, then kill -9 while some are in flight: every acknowledged note must be
    // in the store when it is opened again.
    static func durability(binary: URL, store: String, names: [String], workload: inout Workload) throws {
        // The writer thread writes into the pipe of a process about to be killed.
        signal(SIGPIPE, SIG_IGN)
        let serve = try Serve(binary: binary, store: store)
        var marks: [(user: Int, name: String, mark: String)] = []
        var lines: [String] = []
        for index in 0..<5_000 {
            let user = index % users
            let name = names[user * perUser + index % perUser]
            let mark = "暗号K\(index)"
            marks.append((user, name, mark))
            lines.append(workload.request(user, "记一下，\(name)说\(mark)"))
        }
        // Written from another thread: the responses must be read while the requests go in.
        let toSend = lines
        Thread { try? serve.send(toSend) }.start()
        var acknowledged = 0
        // Read about half the acknowledgements, then kill the process mid-stream.
        while acknowledged < 2_500, let response = try serve.readResponse() {
            if response.contains("暗号") { acknowledged += 1 }
        }
        serve.kill()
        let reopened = try Store(path: store)
        var missing = 0
        for (user, name, mark) in marks.prefix(acknowledged) {
            let book = reopened.book(of: "bench:\(user)")
            guard let id = try book.customers(nameKey: name).first?.id else { missing += 1; continue }
            if !(try book.notes(of: id, limit: 50).contains { $0.text.contains(mark) }) { missing += 1 }
        }
        report("bridge kill -9 mid-stream: \(acknowledged) changes acknowledged before the kill, \(missing) of them missing after (target 0)")
    }

    /// CPU seconds (user and system) a process has used so far: `pid` is a number or "self".
    static func cpuSeconds(_ pid: String) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return 0 }
        // After the command's closing parenthesis: state is field 3, utime 14 and stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return 0 }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// Distinct Chinese names, two or three characters.
    static func customerNames(_ count: Int) -> [String] {
        let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
        let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚华玉兰萍红玲芬燕彬鹏飞斌波宇浩凯健俊帆")
        var names: [String] = []
        var seen = Set<String>()
        var i = 0
        while names.count < count {
            let name = String(surnames[i % surnames.count]) + String(given[(i / surnames.count) % given.count])
                + String(given[(i / (surnames.count * given.count)) % given.count])
            if seen.insert(name).inserted { names.append(name) }
            i += 1
        }
        return names
    }

    /// The messages: a deterministic mix of users, questions and changes.
    struct Workload {
        let names: [String]
        private var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        private var count = 0
        private var questions = 0
        var questionShare: Double { Double(questions) / Double(max(count, 1)) }

        init(names: [String]) { self.names = names }

        mutating func random(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }

        func request(_ user: Int, _ text: String) -> String {
            "{\"id\":\"\(user)-\(text.hashValue & 0xFFFF)\",\"user\":\"bench:\(user)\",\"chat\":\"dm\",\"text\":\"\(text)\"}"
        }

        static let questions = ["{n}的电话", "查看{n}", "{n}的资料", "列出客户", "本周要拜访谁", "今天要见谁", "哪些客户很久没联系了",
                                "{n}到哪一步了", "他的电话", "列出所有A类客户", "客户说价格太高怎么办", "帮助"]
        static let changes = ["记一下，{n}喜欢钓鱼", "{n}是A类客户", "明天下午三点拜访{n}", "把{n}的地址改成杭州市西湖区文三路"]

        mutating func next() -> String {
            count += 1
            let user = random(BridgeBench.users)
            let name = names[user * BridgeBench.perUser + random(BridgeBench.perUser)]
            let question = random(10) != 0
            if question { questions += 1 }
            let pool = question ? Self.questions : Self.changes
            return request(user, pool[random(pool.count)].replacingOccurrences(of: "{n}", with: name))
        }
    }

    /// A `kaiqu serve` child with pipes.
    final class Serve: @unchecked Sendable {
        let process = Process()
        private let input: FileHandle
        private let output: FileHandle
        private var buffer: [UInt8] = []
        private var start = 0

        init(binary: URL, store: String) throws {
            process.executableURL = binary
            process.arguments = ["serve", "--store", store, "--open-registration", "--now", "2026-11-18T10:00:00+08:00"]
            process.environment = ["HOME": NSTemporaryDirectory(), "PATH": "/usr/bin:/bin"]
            let stdin = Pipe(), stdout = Pipe()
            process.standardInput = stdin
            process.standardOutput = stdout
            process.standardError = FileHandle.nullDevice
            try process.run()
            input = stdin.fileHandleForWriting
            output = stdout.fileHandleForReading
        }

        func send(_ lines: [String]) throws {
            try input.write(contentsOf: Data((lines.joined(separator: "\n") + "\n").utf8))
        }

        /// The next response line, nil at the end.
        func readResponse() throws -> String? {
            while true {
                if let newline = buffer[start...].firstIndex(of: 10) {
                    let line = String(decoding: buffer[start..<newline], as: UTF8.self)
                    start = newline + 1
                    return line
                }
                buffer.removeFirst(start)
                start = 0
                // read(2), not FileHandle.read(upToCount:), which waits for the whole count.
                var chunk = [UInt8](repeating: 0, count: 1 << 16)
                let count = chunk.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress, $0.count) }
                if count < 0 && errno == EINTR { continue }
                guard count > 0 else { return nil }
                buffer += chunk[..<count]
            }
        }

        /// Streams the lines (written from another thread) and reads every response: seconds taken.
        func stream(_ lines: [String]) throws -> Double {
            let began = DispatchTime.now().uptimeNanoseconds
            let writer = Thread { [input] in
                for chunk in stride(from: 0, to: lines.count, by: 1_000) {
                    try? input.write(contentsOf: Data((lines[chunk..<min(chunk + 1_000, lines.count)].joined(separator: "\n") + "\n").utf8))
                }
            }
            writer.start()
            for _ in 0..<lines.count { guard try readResponse() != nil else { break } }
            return Double(DispatchTime.now().uptimeNanoseconds - began) / 1e9
        }

        func residentMegabytes() -> Double { status("VmRSS:") }
        func peakMegabytes() -> Double { status("VmHWM:") }

        private func status(_ key: String) -> Double {
            guard let text = try? String(contentsOfFile: "/proc/\(process.processIdentifier)/status", encoding: .utf8),
                  let line = text.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
                  let kb = Double(line.split(separator: " ").dropFirst().first ?? "") else { return -1 }
            return kb / 1024
        }

        func kill() {
            Foundation.kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        func finish() throws {
            try input.close()
            process.waitUntilExit()
        }
    }
}

/// A line on standard output at once (print is buffered when piped, and this bench runs long).
func report(_ line: String) {
    FileHandle.standardOutput.write(Data((line + "\n").utf8))
}
