import KaiquCLI
import KaiquDialogue
import KaiquNLU

/// The sentences the generator mutates.
public enum FuzzExamples {
    /// Every `example:` sentence of the intents/ built into the binary (those marked as not
    /// the intent too: they are lines reps type as well).
    public static func load() throws -> [String] {
        let rules = try RuleSet.load(files: Kaiqu.builtInIntentFiles, otherKinds: DialogueData.kinds)
        return rules.intents.flatMap { $0.examples.map(\.text) }
    }
}
