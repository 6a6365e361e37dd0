import Foundation
import XCTest
@testable import KaiquCLI

/// The request lines' JSON reader, against the standard and against Foundation's reader.
final class JSONReaderTests: XCTestCase {
    private func read(_ text: String) -> JSONValue? { JSONReader.value(of: Array(text.utf8)) }

    func testValuesAreReadAsWritten() {
        let members: [(String, JSONValue)] = [("id", .number("7")), ("text", .string("王建国\n\"A\"")), ("ok", .bool(true)), ("no", .bool(false)),
                                              ("none", .null), ("list", .array([.number("1"), .number("-2.5e3"), .array([])])), ("o", .object([]))]
        XCTAssertEqual(read(#" {"id":7,"text":"王建国\n\"A\"","ok":true,"no":false,"none":null,"list":[1,-2.5e3,[]],"o":{}} "#),
                       .object(members.map { JSONValue.Member(name: $0.0, value: $0.1) }))
        XCTAssertEqual(read(#""\u0041\u00e9\u4e2d\ud83d\ude00\/\b\f\r\t""#), .string("Aé中😀/\u{08}\u{0C}\r\t"))
        XCTAssertEqual(read(#"{"a":1,"a":2}"#)?[member: "a"], .number("2"), "the last of two members of one name")
        XCTAssertNil(read("[1]")?[member: "a"])
    }

    func testWhatTheStandardRefusesIsRefused() {
        for bad in ["", " ", "{", "}", "{\"a\"}", "{\"a\":}", "{\"a\":1,}", "[1,]", "[,1]", "{a:1}", "{'a':1}", "01", "1.", ".5", "-", "1e", "+1",
                    "tru", "nul", "truex", "\"abc", "\"\\x\"", "\"\\u12\"", "\"\\ud800\"", "\"\\udc00\"", "\"\\ud800\\u0041\"",
                    "\"a\u{01}b\"", "\"tab\tin\"", "{} {}", "[1] x", "NaN", "Infinity"] {
            XCTAssertNil(read(bad), bad)
        }
        XCTAssertNil(JSONReader.value(of: [0x22, 0xFF, 0x22]), "not UTF-8")
        XCTAssertNil(read(String(repeating: "[", count: 100_000)), "nesting past the bound, without a crash")
        XCTAssertNotNil(read(String(repeating: "[", count: JSONReader.maxDepth) + String(repeating: "]", count: JSONReader.maxDepth)))
    }

    // Foundation's reader, as the bridge used before, is the reference: lines changed a byte at
    // a time from real requests are read alike (values compared as Foundation gives them).
    func testMutatedRequestLinesAreReadAsFoundationReadsThem() throws {
        let lines = [#"{"id":"m1","user":"wecom:zhangwei","chat":"dm","text":"添加客户 王建国 电话13800138000"}"#,
                     #"{"id":12,"user":"u","chat":"g1","text":"@开渠 本周要拜访谁\n","name":"张伟"}"#,
                     #"{"id":"x\"y","user":"a\\b","chat":"dm","text":"\u4f60\u597d [1,2] {}"}"#]
        let alphabet = Array(#"{}[],:"\ 0123456789-+.eEtrufalsnu\u"#.utf8) + [0x0A, 0xE4, 0x80]
        var seed: UInt64 = 0x2545_F491_4F6C_DD1D
        func random(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var compared = 0
        for line in lines {
            for _ in 0..<2_000 {
                var bytes = Array(line.utf8)
                for _ in 0...random(2) {
                    let place = random(bytes.count)
                    switch random(3) {
                    case 0: bytes[place] = alphabet[random(alphabet.count)]
                    case 1: bytes.remove(at: place)
                    default: bytes.insert(alphabet[random(alphabet.count)], at: place)
                    }
                }
                let mine = JSONReader.value(of: bytes)
                let theirs = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
                XCTAssertEqual(mine != nil, theirs != nil, String(decoding: bytes, as: UTF8.self))
                if let mine, let theirs { XCTAssertTrue(Self.same(mine, theirs), String(decoding: bytes, as: UTF8.self)) }
                compared += 1
            }
        }
        XCTAssertEqual(compared, 6_000)
    }

    private static func same(_ mine: JSONValue, _ theirs: Any) -> Bool {
        switch mine {
        case .string(let text): return (theirs as? String) == text
        case .number(let written): return (theirs as? NSNumber).map { $0.doubleValue == Double(written) } ?? false
        case .bool(let flag): return (theirs as? NSNumber)?.boolValue == flag && !(theirs is String)
        case .null: return theirs is NSNull
        case .array(let elements):
            guard let other = theirs as? [Any], other.count == elements.count else { return false }
            return zip(elements, other).allSatisfy { same($0, $1) }
        case .object(let members):
            guard let other = theirs as? [String: Any], other.count == Set(members.map(\.name)).count else { return false }
            return other.allSatisfy { name, value in mine[member: name].map { same($0, value) } ?? false }
        }
    }
}
