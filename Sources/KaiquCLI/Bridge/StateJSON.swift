import Foundation
import KaiquDialogue

/// A conversation state as the JSON the store keeps. Most states a bridge saves are only a
/// language, the tips given and the last customer: those are written here directly, as
/// `JSONDecoder` reads them back, at a tenth of `JSONEncoder`'s cost (a bridge saves a state
/// for most messages). Any other state goes through `JSONEncoder`.
enum StateJSON {
    static func encode(_ state: DialogueState, with encoder: JSONEncoder) throws -> String {
        guard state.pending == nil, state.listing == nil, state.resume == nil, state.rolePlay == nil else {
            return String(decoding: try encoder.encode(state), as: UTF8.self)
        }
        var json = #"{"language":"# + JSON.string(state.language.rawValue)
        if let customer = state.lastCustomer { json += #","lastCustomer":"# + String(customer) }
        json += #","tipsGiven":["#
        // Sorted, so a state is written the same every time.
        json += state.tipsGiven.sorted().map(JSON.string).joined(separator: ",")
        return json + "]}"
    }
}
