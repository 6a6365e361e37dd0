import XCTest
@testable import KaiquCLI

/// The CSV reader and writer on their own: what a spreadsheet makes of their cells.
final class CSVTests: XCTestCase {
    func testFormulaCellsAreQuotedAndImportTakesTheQuoteOffAgain() {
        let values = ["=1+1", "+86 138 0013 8000", "-500", "@SUM(1+1)", "\t=1", "\r=1", " =1", "\u{3000}+1", "＝1", "'=1", "''-2",
                      "'", "'abc", "it's", "张伟", "", "a-b", "13800138000"]
        for value in values {
            XCTAssertEqual(CSV.restored(CSV.neutralised(value)), value, value.debugDescription)
        }
        XCTAssertEqual(CSV.neutralised("=1+1"), "'=1+1")
        XCTAssertEqual(CSV.neutralised("'=1"), "''=1", "a quote already there is kept, one more in front")
        XCTAssertEqual(CSV.neutralised(" -2"), "' -2")
        XCTAssertEqual(CSV.neutralised("'abc"), "'abc")
        XCTAssertEqual(CSV.neutralised("a=b"), "a=b")
        XCTAssertEqual(CSV.restored("'abc"), "'abc", "a quote before plain text is the value's own")
        XCTAssertEqual(CSV.line(["=1+1", "+86 138", "ok", "-2"]), "\"'=1+1\",\"'+86 138\",ok,\"'-2\"\r\n")
        XCTAssertEqual(CSV.line(["=HYPERLINK(\"x\")"]), "\"'=HYPERLINK(\"\"x\"\")\"\r\n")
    }

    func testRowsKeepTheirLinesAndQuotedLineBreaks() {
        let table = CSV.read("a,b\r\n\"x\r\ny\",\"he said \"\"hi\"\"\"\r\n\r\nlast,\n")
        XCTAssertEqual(table.rows.map(\.line), [1, 2, 5], "a quoted line break counts as a line; a blank line is no row")
        XCTAssertEqual(table.rows.map(\.fields), [["a", "b"], ["x\r\ny", "he said \"hi\""], ["last", ""]])
        XCTAssertEqual(CSV.read("a,b\nc,").rows.map(\.fields), [["a", "b"], ["c", ""]])
        XCTAssertEqual(CSV.read("a,b\r\nlast,\r\n").rows.map(\.line), [1, 2])
        XCTAssertEqual(table.unclosedQuotes, [])
    }

    func testAStrayQuoteLosesItsRowOnly() {
        let open = CSV.read("n,p\n王五,\"138\n赵六,139\n")
        XCTAssertEqual(open.unclosedQuotes, [2])
        XCTAssertEqual(open.rows.map(\.line), [1, 3])
        XCTAssertEqual(open.rows.last?.fields, ["赵六", "139"])
        // Closed on a later line with text right after it: the quote paired with the wrong one.
        let paired = CSV.read("n,p\nA,\"1\nB,2\nC,\"x\" y\nD,4")
        XCTAssertEqual(paired.unclosedQuotes, [2])
        XCTAssertEqual(paired.rows.map(\.fields), [["n", "p"], ["B", "2"], ["C", "x y"], ["D", "4"]])
        // On the last line, with no line after it.
        let last = CSV.read("n,p\nA,\"1")
        XCTAssertEqual(last.unclosedQuotes, [2])
        XCTAssertEqual(last.rows.count, 1)
    }
}
