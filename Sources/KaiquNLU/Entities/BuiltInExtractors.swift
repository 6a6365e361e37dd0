/// The extractors written in Swift, in the order they run. Lookup lists from intents/ add theirs.
public enum BuiltInExtractors {
    public static let all: [any EntityExtractor] = [
        CustomerExtractor(),
        NumberExtractor(),
    ]
}
