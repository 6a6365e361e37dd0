import KaiquNLU

/// A card's two profile lines (硬件资料 · 软件资料): which fields each shows, their labels, and
/// the parts of a line that depend only on which fields are empty.
enum ProfileKind: Int, CaseIterable, Sendable {
    case hardware, software

    /// The fields in the order a line shows them.
    var fields: [String] {
        switch self {
        case .hardware: ["address"] + ProfileField.hardware
        case .software: ProfileField.software
        }
    }

    /// The reply that writes the line.
    var key: String {
        switch self {
        case .hardware: "card.hardware"
        case .software: "card.software"
        }
    }
}

/// The labels of the profile fields by language, and the parts of a line kept once made: the
/// list of its empty fields, or the whole line when nothing is known. A card shows both lines
/// on every look, most of their fields empty, and listing the empty labels cost as much as the
/// card's reads from the store.
final class ProfileLines: Sendable {
    /// Labels by kind, then language (`Language.allCases` order), then field.
    private let labels: [[[String]]]
    /// By kind, language, the empty fields (a bit each) and whether it is the whole line.
    let texts = Memo<Key, String>()

    struct Key: Hashable, Sendable {
        let kind: ProfileKind
        let language: Language
        let empty: Int
        let wholeLine: Bool
    }

    init(fieldLabels: [String: [Language: String]]) {
        labels = ProfileKind.allCases.map { kind in
            Language.allCases.map { language in kind.fields.map { fieldLabels[$0]?[language] ?? $0 } }
        }
    }

    /// The label of each of `kind`'s fields, in order.
    func labels(_ kind: ProfileKind, _ language: Language) -> [String] {
        labels[kind.rawValue][Language.allCases.firstIndex(of: language) ?? 0]
    }
}
