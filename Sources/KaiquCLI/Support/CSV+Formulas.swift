/// Cells a spreadsheet would run as formulas (OWASP "CSV Injection"): Excel and WPS take a
/// cell that starts with = + - @ as a formula, and =HYPERLINK(…) or =cmd|… in a name or a note
/// typed by someone else would run when the rep opens the export. Such a cell is written with
/// a single quote in front, which makes it text; `kaiqu import` takes the quote off again.
extension CSV {
    /// `value` as it is safe to write into a cell: with a `'` in front when a spreadsheet would
    /// read it as a formula, unchanged otherwise.
    static func neutralised(_ value: String) -> String {
        startsFormula(afterQuotes: value) ? "'" + value : value
    }

    /// `value` as read from a cell, with the `'` that `neutralised` put in front taken off: a
    /// phone typed '+86 138… or a figure '-500 in a sheet comes back as +86 138… and -500.
    static func restored(_ value: String) -> String {
        value.hasPrefix("'") && startsFormula(afterQuotes: value) ? String(value.dropFirst()) : value
    }

    // Whether the value, past any quotes already in front, starts a formula. Quotes are looked
    // past so that a value that itself starts with '= is written ''= and read back as '=: the
    // two functions undo each other for every value.
    private static func startsFormula(afterQuotes value: String) -> Bool {
        var scalars = value.unicodeScalars[...]
        while scalars.first == "'" { scalars = scalars.dropFirst() }
        // A tab or a carriage return in front starts a formula in some spreadsheets on its own.
        guard let first = scalars.first else { return false }
        if first == "\t" || first == "\r" { return true }
        // Spreadsheets strip leading blanks before they look for a formula.
        guard let lead = scalars.first(where: { !$0.properties.isWhitespace }) else { return false }
        return triggers.contains(lead)
    }

    // = + - @ and their full-width forms, which a Chinese input method types and some
    // spreadsheets fold.
    private static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "＝", "＋", "－", "＠"]
}
