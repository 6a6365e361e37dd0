import Foundation
import XCTest

/// `kaiqu serve` as a messaging bridge drives it: the real binary, JSON lines in and out.
final class ServeEndToEndTests: XCTestCase {
    private var folder: URL!
    private var store: String { folder.appendingPathComponent("team.db").path }
    private let now = "--now=2026-11-18T10:00:00+08:00"

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-serve-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        // Two reps of one team, a manager of it, and a rep of another team.
        try users("add", "zhangwei", "--name", "张伟", "--role", "rep", "--team", "north", "--alias", "wecom:zhangwei")
        try users("add", "lina", "--name", "李娜", "--team", "north")
        try users("add", "boss", "--name", "王经理", "--role", "manager", "--team", "north")
        try users("add", "zhou", "--name", "周强", "--team", "south")
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: folder)
    }

    @discardableResult
    private func users(_ arguments: String...) throws -> Binary.Run {
        let run = try Binary.run(["users"] + arguments + ["--store", store])
        XCTAssertEqual(run.status, 0, run.stderr)
        return run
    }

    /// One request line.
    private func request(_ id: String, _ user: String, _ text: String, chat: String = "dm") -> String {
        let fields: [String: String] = ["id": id, "user": user, "chat": chat, "text": text]
        return String(decoding: try! JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys]), as: UTF8.self)
    }

    /// Runs `kaiqu serve` on these lines; the responses, one object a line.
    private func serve(_ lines: [String], _ options: [String] = []) throws -> [[String: Any]] {
        let run = try Binary.run(["serve", "--store", store, now] + options, input: Data((lines.joined(separator: "\n") + "\n").utf8), timeout: 120)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.complaints.trimmingCharacters(in: .whitespacesAndNewlines), "")
        return try run.text.split(separator: "\n").map { line in
            try XCTUnwrap(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any], "not a JSON object: \(line)")
        }
    }

    /// The replies of a response, joined.
    private func text(_ response: [String: Any]) -> String {
        ((response["replies"] as? [[String: Any]]) ?? []).compactMap { $0["text"] as? String }.joined(separator: "\n")
    }

    private func code(_ response: [String: Any]) -> String? { (response["error"] as? [String: Any])?["code"] as? String }

    func testEveryLineGetsOneResponseInOrderAndBadLinesGetErrors() throws {
        let long = String(repeating: "渠", count: 2_000)
        let responses = try serve([
            request("1", "wecom:zhangwei", "添加客户 王建国 电话13800138000"),
            "not json at all",
            "",
            #"{"id":"3","user":"lina","text":"你好"}"#,
            #"{"id":4,"user":"stranger","chat":"dm","text":"list my customers"}"#,
            request("5", "lina", long),
            "[1,2,3]",
            #"{"id":"7","user":"zhangwei","chat":"dm","text":"\u0000\u001b[2J王建国的电话"}"#,
            request("8", "zhangwei", "王建国的电话"),
        ])
        XCTAssertEqual(responses.count, 8, "a blank line is no request; every other line is answered once")
        XCTAssertEqual(responses.map { "\($0["id"] ?? "nil")" }, ["1", "<null>", "3", "4", "5", "<null>", "7", "8"])
        XCTAssertTrue(text(responses[0]).contains("王建国"), text(responses[0]))
        XCTAssertEqual(code(responses[1]), "bad_json")
        XCTAssertEqual(code(responses[2]), "missing_field")
        XCTAssertEqual(code(responses[3]), "unknown_user")
        XCTAssertTrue(((responses[3]["error"] as? [String: Any])?["message"] as? String ?? "").contains("Kaiqu"), "an English line is refused in English")
        XCTAssertEqual(code(responses[4]), "too_long")
        XCTAssertEqual(code(responses[5]), "bad_json")
        XCTAssertFalse(text(responses[6]).contains("\u{1B}"), "no escape reaches a chat")
        XCTAssertTrue(text(responses[7]).contains("13800138000"), text(responses[7]))
        for response in responses { XCTAssertFalse(text(response).contains("\u{1B}[")) }
    }

    func testAConversationGoesOnAfterTheBridgeRestarts() throws {
        let first = try serve([request("1", "zhangwei", "添加客户 王建国 电话13800138000"), request("2", "zhangwei", "删除王建国")])
        XCTAssertTrue(text(first[1]).contains("王建国"), "asks before deleting: \(text(first[1]))")
        // A new process: the pending question is still there, and the pronoun still means him.
        let second = try serve([request("3", "zhangwei", "是"), request("4", "zhangwei", "列出客户")])
        XCTAssertTrue(text(second[0]).contains("删除") || text(second[0]).contains("删"), text(second[0]))
        XCTAssertFalse(text(second[1]).contains("王建国"), "the card was deleted by the answer given after the restart: \(text(second[1]))")
    }

    func testARolePlayIsPerUserAndGoesOnAfterTheBridgeRestarts() throws {
        let first = try serve([request("1", "zhangwei", "陪我练一下客户嫌贵"), request("2", "lina", "添加客户 王建国"),
                               request("3", "zhangwei", "李总好，我是小王")])
        XCTAssertTrue(text(first[0]).contains("【角色扮演】"), text(first[0]))
        XCTAssertTrue(text(first[1]).contains("王建国"), "the other rep is not in a role-play: \(text(first[1]))")
        XCTAssertTrue(text(first[2]).hasPrefix("李总："), text(first[2]))
        // A new process: the dealer is still talking to 张伟, and the scorecard ends it.
        let second = try serve([request("4", "zhangwei", "算了"), request("5", "zhangwei", "我的培训记录")])
        XCTAssertTrue(text(second[0]).contains("【成绩单】"), text(second[0]))
        XCTAssertTrue(text(second[1]).contains("宁波五金批发部的李总"), text(second[1]))
        let lina = try serve([request("6", "lina", "我的培训记录")])
        XCTAssertTrue(text(lina[0]).contains("还没练过"), "records are per rep: \(text(lina[0]))")
    }

    func testGroupsOnlyAnswerWhatIsAddressedAndHidePhones() throws {
        let responses = try serve([
            request("1", "lina", "添加客户 陈静 电话13900139000"),
            request("2", "lina", "陈静的电话", chat: "group-7"),
            request("3", "lina", "@开渠 陈静的电话", chat: "group-7"),
            request("4", "lina", "kq 陈静的电话", chat: "group-7"),
            request("5", "lina", "陈静的电话"),
        ], ["--prefix", "kq "])
        XCTAssertEqual(text(responses[1]), "", "a message to the others in the group is left alone")
        XCTAssertTrue(text(responses[2]).contains("139****9000"), text(responses[2]))
        XCTAssertFalse(text(responses[2]).contains("13900139000"))
        XCTAssertTrue(text(responses[3]).contains("139****9000"), text(responses[3]))
        XCTAssertTrue(text(responses[4]).contains("13900139000"), "a direct message shows the number")
    }

    func testRepliesFitTheByteLimitAndListsArePlainAndPaged() throws {
        let adds = ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸", "子", "丑", "寅", "卯", "辰"].map { request("a", "lina", "添加客户 王\($0)\($0) 电话") }
        let responses = try serve(adds + [request("list", "lina", "列出客户"), request("more", "lina", "更多")], ["--reply-bytes", "120"])
        let list = try XCTUnwrap(responses.first { $0["id"] as? String == "list" })
        let parts = try XCTUnwrap(list["replies"] as? [[String: Any]]).compactMap { $0["text"] as? String }
        XCTAssertGreaterThan(parts.count, 1)
        XCTAssertTrue(parts.allSatisfy { $0.utf8.count <= 120 }, parts.map { "\($0.utf8.count)" }.joined(separator: ","))
        XCTAssertFalse(parts.joined().contains("  "), "no columns padded for a monospace font")
        XCTAssertTrue(parts.joined().contains("更多"), "a long list says how to see the rest")
        XCTAssertTrue(text(responses.last!).contains("11."), "the next page goes on: \(text(responses.last!))")
    }

    func testABusyGroupGetsFewerMessagesAndAWait() throws {
        let responses = try serve((1...3).map { request("\($0)", "lina", "@开渠 你好", chat: "g") } + [request("4", "lina", "你好")],
                                  ["--group-rate", "2"])
        XCTAssertEqual(responses.map { ($0["replies"] as? [Any])?.count ?? 0 }, [1, 1, 1, 1])
        XCTAssertNil(responses[1]["delay_ms"], "two messages a minute go at once")
        XCTAssertGreaterThan(responses[2]["delay_ms"] as? Int ?? 0, 0, "past the rate the bridge is told to wait")
        XCTAssertNil(responses[3]["delay_ms"], "a direct message has no group rate")
    }

    /// No request of one rep shows or changes another rep's customer, though both have a 王建国.
    func testNoRequestLeaksOneRepsCustomerToAnother() throws {
        var lines = [
            request("z1", "zhangwei", "添加客户 王建国 电话13800138000 温州华联批发 杭州 经销商"),
            request("z2", "zhangwei", "记一下，王建国喜欢钓鱼，暗号青山"),
            request("z3", "zhangwei", "明天下午三点拜访王建国"),
            request("z4", "zhangwei", "开始开发王建国"),
            request("z5", "zhangwei", "王建国是A类客户"),
            request("l1", "lina", "添加客户 王建国 电话13900139000"),
        ]
        let probes = [
            "王建国的电话", "查看王建国", "他的资料", "列出客户", "列出所有A类客户", "杭州有哪些经销商", "姓王的客户",
            "13800138000", "查一下13800138000是谁", "本周要拜访谁", "明天要见谁", "哪些客户很久没联系了", "王建国到哪一步了",
            "下一步", "王建国符合MAN吗", "评估一下王建国的信用", "温州华联批发", "更多", "今天有谁过生日", "客户概况",
            "取消明天和王建国的拜访", "王建国的爱好", "青山", "删除王建国",
        ]
        lines += probes.enumerated().map { request("p\($0.offset)", "lina", $0.element) }
        lines.append(request("check", "zhangwei", "王建国的资料"))
        let responses = try serve(lines)
        XCTAssertEqual(responses.count, lines.count)
        for (index, response) in responses.enumerated() where (response["id"] as? String ?? "").hasPrefix("p") {
            let said = text(response) + "\(response["error"] ?? "")"
            let asked = probes[index - (lines.count - probes.count - 1)]
            // What 李娜 typed herself may come back; nothing else of 张伟's card may.
            for secret in ["13800138000", "138****8000", "钓鱼", "青山", "温州华联", "15:00"] where !asked.contains(secret) {
                XCTAssertFalse(said.contains(secret), "李娜 saw 张伟's \(secret): \(said)")
            }
        }
        let own = text(responses.last!)
        XCTAssertTrue(own.contains("13800138000") && own.contains("钓鱼"), "张伟's card is as he left it: \(own)")
    }

    func testAManagerSeesTheTeamMovesCardsAndIsAudited() throws {
        let responses = try serve([
            request("1", "zhangwei", "添加客户 王建国 电话13800138000"),
            request("2", "zhou", "添加客户 赵敏 电话13700137000"),
            request("3", "boss", "列出客户"),
            request("4", "boss", "王建国的电话"),
            request("5", "lina", "把王建国转给李娜"),
            request("6", "boss", "把王建国转给李娜"),
            request("7", "lina", "王建国的电话"),
            request("8", "zhangwei", "列出客户"),
            request("9", "boss", "把王建国转给周强"),
        ])
        XCTAssertTrue(text(responses[2]).contains("王建国") && text(responses[2]).contains("张伟"), "the team's cards, with whose: \(text(responses[2]))")
        XCTAssertFalse(text(responses[2]).contains("赵敏"), "another team's card stays hidden")
        XCTAssertTrue(text(responses[3]).contains("13800138000"))
        XCTAssertTrue(text(responses[4]).contains("主管"), "a rep cannot move cards: \(text(responses[4]))")
        XCTAssertTrue(text(responses[5]).contains("李娜"), text(responses[5]))
        XCTAssertTrue(text(responses[6]).contains("13800138000"), "李娜 has the card now: \(text(responses[6]))")
        XCTAssertTrue(text(responses[6]).contains("张伟"), "the card says who had it before: \(text(responses[6]))")
        XCTAssertFalse(text(responses[7]).contains("王建国"), "张伟 no longer has it: \(text(responses[7]))")
        XCTAssertTrue(text(responses[8]).contains("周强"), "someone outside the team is refused by name: \(text(responses[8]))")

        let exported = try Binary.run(["export", "--store", store, "--format", "json"])
        XCTAssertEqual(exported.status, 0)
        let audit = try Binary.run(["audit", "--store", store], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.text.contains("王经理 (boss) viewed 张伟 (zhangwei)'s customer 王建国"), audit.text)
        XCTAssertTrue(audit.text.contains("王经理 (boss) moved customer 王建国 from 张伟 (zhangwei) to 李娜 (lina)"), audit.text)
        XCTAssertTrue(audit.text.contains("exported json"), audit.text)
    }

    /// Two reps have a 王建国: the manager names whose card moves, and only that one moves.
    func testAManagerMovesOneRepsCardOfANameTwoRepsHave() throws {
        let responses = try serve([
            request("1", "zhangwei", "添加客户 王建国 电话13800138000"),
            request("2", "lina", "添加客户 王建国 电话13900139000"),
            request("3", "boss", "把周强的王建国转给李娜"),
            request("4", "boss", "把李娜的王建国转给李娜"),
            request("5", "boss", "把张伟的王建国转给李娜"),
            request("6", "zhangwei", "列出客户"),
            request("7", "lina", "王建国的电话"),
            request("8", "boss", "把张伟的王建国转给李娜"),
            // Now that rep has two of the name: the manager picks one.
            request("9", "boss", "把李娜的王建国转给张伟"),
            request("10", "boss", "2"),
            request("11", "zhangwei", "王建国的电话"),
        ])
        XCTAssertTrue(text(responses[2]).contains("周强"), "周强 is not in the team: \(text(responses[2]))")
        XCTAssertTrue(text(responses[3]).contains("都是 李娜"), text(responses[3]))
        XCTAssertTrue(text(responses[4]).contains("已把 王建国 转给 李娜"), text(responses[4]))
        XCTAssertFalse(text(responses[5]).contains("王建国"), "张伟 no longer has it: \(text(responses[5]))")
        // 李娜 has both now: she is asked which, and sees both numbers.
        XCTAssertTrue(text(responses[6]).contains("13800138000") && text(responses[6]).contains("13900139000"), text(responses[6]))
        XCTAssertTrue(text(responses[7]).contains("张伟 名下没有叫“王建国”的客户"), text(responses[7]))
        XCTAssertTrue(text(responses[8]).contains("有 2 位客户") && text(responses[8]).contains("13900139000"), text(responses[8]))
        XCTAssertTrue(text(responses[9]).contains("已把 王建国 转给 张伟"), text(responses[9]))
        XCTAssertTrue(text(responses[10]).contains("13900139000"), "the second one moved: \(text(responses[10]))")
    }

    /// A manager lists one teammate's cards; a rep cannot, and no one outside the team is found.
    func testAManagerListsOneRepsCards() throws {
        let responses = try serve([
            request("1", "zhangwei", "添加客户 王建国 电话13800138000"),
            request("2", "zhangwei", "添加客户 陈静 电话13800138001"),
            request("3", "lina", "添加客户 孙丽 电话13900139000"),
            request("4", "boss", "看看张伟的客户"),
            request("5", "boss", "李娜的客户有哪些"),
            request("6", "lina", "看看张伟的客户"),
            request("7", "boss", "看看周强的客户"),
        ])
        let zhang = text(responses[3])
        XCTAssertTrue(zhang.contains("共 2 位客户") && zhang.contains("王建国") && zhang.contains("陈静"), zhang)
        XCTAssertFalse(zhang.contains("孙丽"), zhang)
        XCTAssertEqual(zhang.components(separatedBy: "张伟的").count - 1, 1, "whose is said once, in the heading: \(zhang)")
        XCTAssertTrue(text(responses[4]).contains("孙丽") && !text(responses[4]).contains("王建国"), text(responses[4]))
        XCTAssertTrue(text(responses[5]).contains("只有主管"), "a rep sees no one else's list: \(text(responses[5]))")
        XCTAssertFalse(text(responses[5]).contains("王建国"), text(responses[5]))
        XCTAssertTrue(text(responses[6]).contains("组里没有“周强”"), text(responses[6]))
        // Each list of another rep's customers is in the audit log, with whom it showed.
        let audit = try Binary.run(["audit", "--store", store], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertEqual(audit.status, 0, audit.stderr)
        XCTAssertTrue(audit.text.contains("王经理 (boss) saw 2 of 张伟 (zhangwei)'s customers in a list: 王建国、陈静"), audit.text)
        XCTAssertTrue(audit.text.contains("王经理 (boss) saw 1 of 李娜 (lina)'s customers in a list: 孙丽"), audit.text)
        XCTAssertEqual(audit.text.components(separatedBy: "in a list").count - 1, 2, "a rep's refused look is no view: \(audit.text)")
    }

    /// A manager who names a customer two reps have is shown both to choose from: a list of
    /// each rep's customers, in the audit log.
    func testAManagersChoiceBetweenRepsCustomersIsInTheAuditLog() throws {
        let responses = try serve([
            request("1", "zhangwei", "添加客户 王建国 电话13800138000"),
            request("2", "lina", "添加客户 王建国 电话13900139000"),
            request("3", "boss", "查看王建国"),
        ])
        XCTAssertTrue(text(responses[2]).contains("张伟的") && text(responses[2]).contains("李娜的"), text(responses[2]))
        let audit = try Binary.run(["audit", "--store", store], environment: ["LANG": "en_US.UTF-8"])
        XCTAssertTrue(audit.text.contains("王经理 (boss) saw 1 of 张伟 (zhangwei)'s customers in a list: 王建国"), audit.text)
        XCTAssertTrue(audit.text.contains("王经理 (boss) saw 1 of 李娜 (lina)'s customers in a list: 王建国"), audit.text)
    }

    /// Changes streamed to a bridge killed with -9 mid-stream: every one it acknowledged is
    /// in the store afterwards.
    func testNoAcknowledgedChangeIsLostToKill9() throws {
        let bridge = try ChatProcess(["serve", "--store", store, now], home: folder)
        bridge.send(request("setup", "lina", "添加客户 陈静 电话13900139000"))
        XCTAssertNotNil(bridge.waitFor("setup"))
        for index in 0..<200 { bridge.send(request("n\(index)", "lina", "记一下，陈静说暗号K\(index)号")) }
        var acknowledged: [Int] = []
        // Read some of the acknowledgements, then kill while the rest are in flight.
        while acknowledged.count < 60, let lines = bridge.waitFor("\"n") {
            for line in lines {
                guard let range = line.range(of: #"\"id\":\"n(\d+)\""#, options: .regularExpression) else { continue }
                if line.contains("暗号") { acknowledged.append(Int(line[range].dropFirst(7).dropLast(1))!) }
            }
        }
        bridge.kill9()
        XCTAssertGreaterThanOrEqual(acknowledged.count, 60)
        let notes = try StoreContents.notes(store, owner: "lina", customer: "陈静").joined(separator: "\n")
        XCTAssertEqual(acknowledged.filter { !notes.contains("暗号K\($0)号") }, [], "acknowledged and lost")
        XCTAssertTrue(text(try serve([request("check", "lina", "陈静的资料")])[0]).contains("陈静"), "the bridge opens the store again")
    }

    /// Two bridges and a terminal on one store, writing at once: every change lands, and no
    /// one is told the store is locked.
    func testBridgesAndATerminalShareOneStore() throws {
        let first = try ChatProcess(["serve", "--store", store, now], home: folder)
        let second = try ChatProcess(["serve", "--store", store, now], home: folder)
        for index in 0..<40 {
            first.send(request("a\(index)", "zhangwei", "添加客户 \(CustomerNames.name(index)) 电话1380000\(String(format: "%04d", index))"))
            second.send(request("b\(index)", "lina", "添加客户 \(CustomerNames.name(index + 100)) 电话1390000\(String(format: "%04d", index))"))
        }
        let terminal = try Binary.run(["--store", store, now], input: Data("添加客户 孙丽 电话13700137000\n".utf8), timeout: 120)
        let one = first.finish(), two = second.finish()
        XCTAssertEqual([one.status, two.status, terminal.status], [0, 0, 0])
        for output in [one.rest, two.rest, terminal.text] {
            XCTAssertFalse(output.contains("locked") || output.contains("error"), output)
        }
        XCTAssertEqual(one.rest.split(separator: "\n").count, 40)
        XCTAssertEqual(two.rest.split(separator: "\n").count, 40)
        let check = try serve([request("1", "zhangwei", "列出客户"), request("2", "lina", "列出客户")])
        XCTAssertTrue(text(check[0]).contains("40 位"), text(check[0]))
        XCTAssertTrue(text(check[1]).contains("40 位"), text(check[1]))
    }

    /// SIGTERM ends the bridge cleanly once the request in hand is answered.
    func testSigtermEndsTheBridgeAfterTheRequestInHand() throws {
        let bridge = try ChatProcess(["serve", "--store", store, now], home: folder)
        bridge.send(request("1", "lina", "添加客户 孙丽 电话13700137000"))
        XCTAssertNotNil(bridge.waitFor("\"1\""))
        kill(bridge.process.processIdentifier, SIGTERM)
        let (status, _) = bridge.finish()
        XCTAssertEqual(status, 0, "a clean exit on SIGTERM")
        XCTAssertTrue(text(try serve([request("2", "lina", "孙丽的电话")])[0]).contains("13700137000"))
    }

    func testUsersAreManagedFromTheCommandLine() throws {
        let list = try users("list")
        XCTAssertTrue(list.text.contains("zhangwei") && list.text.contains("wecom:zhangwei") && list.text.contains("manager"), list.text)
        let taken = try Binary.run(["users", "add", "other", "--name", "别人", "--alias", "wecom:zhangwei", "--store", store])
        XCTAssertNotEqual(taken.status, 0)
        XCTAssertTrue(taken.stderr.contains("wecom:zhangwei"), taken.stderr)
        let badRole = try Binary.run(["users", "add", "x", "--name", "X", "--role", "boss", "--store", store])
        XCTAssertEqual(badRole.status, 64)
        try users("remove", "lina")
        let responses = try serve([request("1", "lina", "你好")])
        XCTAssertEqual(code(responses[0]), "unknown_user")
        let open = try serve([request("2", "feishu:ou_1", "添加客户 孙丽")], ["--open-registration"])
        XCTAssertTrue(text(open[0]).contains("孙丽"), "a stranger becomes a rep when the bridge allows it")
        XCTAssertTrue(try users("list").text.contains("feishu:ou_1"))
    }
}
