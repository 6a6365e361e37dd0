/// One line of `kaiqu serve`'s input: `{"id":"…","user":"wecom:zhangwei","chat":"dm","text":"…"}`,
/// with an optional display `name` (for self-registration).
struct BridgeRequest: Equatable {
    /// The request's id as JSON (a string or a number), echoed in its response.
    var id: String
    var user: String
    /// "dm" for a direct message, otherwise the group's id.
    var chat: String
    var text: String
    var name: String?

    var isGroup: Bool { chat != "dm" }

    /// What was wrong with a line, and the id to answer with (JSON; "null" when none was read).
    enum Problem: Error, Equatable {
        case badJSON(String)
        case missingField(String, id: String)
    }

    /// Reads one line. Every field must be a string; the id may be a number too.
    static func parse(_ bytes: [UInt8]) -> Result<BridgeRequest, Problem> {
        guard let value = JSONReader.value(of: bytes) else {
            return .failure(.badJSON(String(validating: bytes, as: UTF8.self) == nil ? "not UTF-8" : "not JSON"))
        }
        guard case .object = value else { return .failure(.badJSON("not an object")) }
        let id: String
        switch value[member: "id"] {
        case .string(let text): id = JSON.string(text)
        case .number(let number): id = Self.number(number)
        default: return .failure(.missingField("id", id: "null"))
        }
        func field(_ name: String) -> String? {
            guard case .string(let text)? = value[member: name] else { return nil }
            return text
        }
        guard let user = field("user"), !user.isEmpty else { return .failure(.missingField("user", id: id)) }
        guard let chat = field("chat"), !chat.isEmpty else { return .failure(.missingField("chat", id: id)) }
        guard let text = field("text") else { return .failure(.missingField("text", id: id)) }
        return .success(BridgeRequest(id: id, user: user, chat: chat, text: text, name: field("name")))
    }

    /// The id of a line that could not be read as a request, if one can be seen: so even a
    /// line with a bad field is answered under its own id.
    static func bestID(_ bytes: [UInt8]) -> String {
        guard case .string(let text)? = JSONReader.value(of: bytes)?[member: "id"] else { return "null" }
        return JSON.string(text)
    }

    // A numeric id as its response gives it back: a whole number in digits (7, 1e3 → 1000),
    // any other as Swift writes the double.
    private static func number(_ written: String) -> String {
        if let whole = Int64(written) { return String(whole) }
        guard let value = Double(written), value.isFinite else { return written }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return String(value)
    }
}
