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
        // Written as bytes: String appends cost more than the rest of the state.
        var json: [UInt8] = []
        json.reserveCapacity(96)
        json.append(contentsOf: #"{"language":"#.utf8)
        JSON.append(state.language.rawValue, to: &json)
        if let customer = state.lastCustomer {
            json.append(contentsOf: #","lastCustomer":"#.utf8)
            json.append(contentsOf: String(customer).utf8)
        }
        json.append(contentsOf: #","tipsGiven":["#.utf8)
        // Sorted, so a state is written the same every time.
        for (index, tip) in state.tipsGiven.sorted().enumerated() {
            if index > 0 { json.append(UInt8(ascii: ",")) }
            JSON.append(tip, to: &json)
        }
        json.append(contentsOf: "]}".utf8)
        return String(decoding: json, as: UTF8.self)
    }
}
