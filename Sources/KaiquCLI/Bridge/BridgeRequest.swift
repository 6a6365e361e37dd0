import Foundation

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
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes), options: [])
        } catch {
            return .failure(.badJSON(String(validating: bytes, as: UTF8.self) == nil ? "not UTF-8" : "not JSON"))
        }
        guard let fields = object as? [String: Any] else { return .failure(.badJSON("not an object")) }
        let id: String
        switch fields["id"] {
        case let text as String: id = JSON.string(text)
        case let number as NSNumber: id = number.stringValue
        default: return .failure(.missingField("id", id: "null"))
        }
        func field(_ name: String) -> String? { fields[name] as? String }
        guard let user = field("user"), !user.isEmpty else { return .failure(.missingField("user", id: id)) }
        guard let chat = field("chat"), !chat.isEmpty else { return .failure(.missingField("chat", id: id)) }
        guard let text = field("text") else { return .failure(.missingField("text", id: id)) }
        return .success(BridgeRequest(id: id, user: user, chat: chat, text: text, name: field("name")))
    }

    /// The id of a line that could not be read as a request, if one can be seen: so even a
    /// line with a bad field is answered under its own id.
    static func bestID(_ bytes: [UInt8]) -> String {
        guard let object = try? JSONSerialization.jsonObject(with: Data(bytes), options: []) as? [String: Any] else { return "null" }
        if let text = object["id"] as? String { return JSON.string(text) }
        return "null"
    }
}
