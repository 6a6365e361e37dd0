extension Store {
    /// The saved state of a user's conversation (JSON written by the dialogue), nil for none.
    public func conversationState(of user: String) throws(StoreError) -> String? {
        try db.text("SELECT state FROM conversation WHERE user_id = ?", [.text(user)])
    }

    /// Saves users' conversation states (JSON), committed together before this returns.
    public func saveConversationStates(_ states: [(user: String, state: String)], at stamp: String) throws(StoreError) {
        guard !states.isEmpty else { return }
        try db.transaction { () throws(StoreError) in
            for (user, state) in states {
                try db.query("""
                    INSERT INTO conversation(user_id, state, updated_at) VALUES (?1, ?2, ?3)
                    ON CONFLICT(user_id) DO UPDATE SET state = ?2, updated_at = ?3
                    """, [.text(user), .text(state), .text(stamp)])
            }
        }
    }
}
