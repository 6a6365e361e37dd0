extension Store {
    /// The saved state of a user's conversation (JSON written by the dialogue), nil for none.
    public func conversationState(of user: String) throws(StoreError) -> String? {
        try db.text("SELECT state FROM conversation WHERE user_id = ?", [.text(user)])
    }

    /// How many states one statement saves.
    static let statesPerStatement = 32

    /// Saves users' conversation states (JSON), committed together before this returns.
    public func saveConversationStates(_ states: [(user: String, state: String)], at stamp: String) throws(StoreError) {
        guard !states.isEmpty else { return }
        // Many rows a statement: a bridge saves a few hundred states a batch, and each
        // statement costs more than the rows it writes. Full chunks reuse one prepared statement.
        try db.transaction { () throws(StoreError) in
            for start in stride(from: 0, to: states.count, by: Self.statesPerStatement) {
                let chunk = states[start..<min(start + Self.statesPerStatement, states.count)]
                try db.query("""
                    INSERT INTO conversation(user_id, state, updated_at) VALUES \(Array(repeating: "(?, ?, ?)", count: chunk.count).joined(separator: ", "))
                    ON CONFLICT(user_id) DO UPDATE SET state = excluded.state, updated_at = excluded.updated_at
                    """, chunk.flatMap { [.text($0.user), .text($0.state), .text(stamp)] })
            }
        }
    }
}
