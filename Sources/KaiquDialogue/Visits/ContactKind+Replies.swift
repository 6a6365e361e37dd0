/// The reply keys that say a contact in its own words: 拜访 / 打电话 / 微信联系 / 寄样品.
extension ContactKind {
    /// One line about a planned or past contact ("{when} 给 {name} 打电话").
    var lineKey: String {
        switch self {
        case .visit: "visit.line"
        case .call: "visit.line_call"
        case .wechat: "visit.line_wechat"
        case .sample: "visit.line_sample"
        }
    }

    /// The acknowledgement of a logged contact, without and with what came of it.
    var loggedKeys: (plain: String, outcome: String) {
        switch self {
        case .visit: ("visit.logged", "visit.logged_outcome")
        case .call: ("visit.logged_call", "visit.logged_call_outcome")
        case .wechat: ("visit.logged_wechat", "visit.logged_wechat_outcome")
        case .sample: ("visit.logged_sample", "visit.logged_sample_outcome")
        }
    }

    /// The calendar entry's title in `kaiqu export --format ics`.
    public var calendarSummaryKey: String {
        switch self {
        case .visit: "export.ics_summary"
        case .call: "export.ics_summary_call"
        case .wechat: "export.ics_summary_wechat"
        case .sample: "export.ics_summary_sample"
        }
    }
}
