/// A mistake in a data file under intents/, and where it is. Any of these stops start-up
/// (exit 65); `kaiqu check` lists them all. KaiquCLI renders them in Chinese or English.
public struct DataError: Error, Sendable, Equatable {
    public var file: String
    public var line: Int
    public var column: Int
    public var problem: DataProblem

    public init(file: String, line: Int, column: Int, problem: DataProblem) {
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
    }

    /// `file:line:column`, the form editors and terminals link.
    public var position: String { "\(file):\(line):\(column)" }
}

/// What is wrong in a data file. Each case names what was found; the renderer adds what was
/// expected.
public enum DataProblem: Sendable, Equatable {
    case notACharacterPair(String)
    case unknownBlock(String, known: [String])
    case lineOutsideBlock
    case blockWithoutName(String)
    case duplicateBlock(String, firstAt: String)
    case unknownKey(String, block: String, expected: [String])
    case emptyPattern
    case unclosed(String)
    case emptyAlternative
    case strayCharacter(String)
    case unknownSlotType(String, known: [String])
    case unknownList(String)
    case keyedLineInList
    case synonymConflict(String, means: String, lookup: String)
    case emptyExample
    case negativeExampleWithSlots
    case badSlotPair(String)
    case missingReplyLanguage(reply: String, language: String)
    case missingReply(String)
    case unknownPlaceholder(String, reply: String)
    case badFixture(String)
    /// A value that should be a whole number of days (policy blocks).
    case notANumber(String)
    /// A festival date that is not `MM-DD`.
    case badMonthDay(String)
    /// A block that lacks a line it needs.
    case missingKey(String, block: String)
    /// A block the program needs is not in any file.
    case missingBlock(String)
    /// A line of pinyin.table that is not `syllable characters`.
    case badPinyinLine(String)
    /// A line of english.table that is not one lower-case word, or out of order.
    case badWordLine(String)
    /// A rewrite that is not `typed -> folded` with as many characters on each side.
    case rewriteLength(String)
    /// A festival's date rule that is none of the forms `FestivalRule` reads.
    case badFestivalRule(String)
    /// A holiday-schedule entry that is not `off MM-DD..MM-DD` or `work MM-DD`.
    case badHolidayEntry(String)
}

/// Several data errors at once, so `kaiqu check` can show them all in one run.
public struct DataErrors: Error, Sendable {
    public var errors: [DataError]
    public init(_ errors: [DataError]) { self.errors = errors }
}
