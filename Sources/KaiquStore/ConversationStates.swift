extension Store {
    /// The saved state of a user's conversation (JSON written by the dialogue), nil for none.
    public func conversationState(of user: String) throws(StoreError) -> String? {
        try db.text("SELECT state FROM conversation WHERE user_id = ?", [.text(user)])
    }

    /// Saves a user's conversation state, committed before this returns: a bridge restarted
    /// (or killed) after a reply picks up where that reply left the conversation.
    public func saveConversationState(_ state: String, of user: String, at stamp: String) throws(StoreError) {
        try db.retryingWhileBusy { () throws(StoreError) in
            try db.query("""
                INSERT INTO conversation(user_id, state, updated_at) VALUES (?1, ?2, ?3)
                ON CONFLICT(user_id) DO UPDATE SET state = ?2, updated_at = ?3
                """, [.text(user), .text(state), .text(stamp)])
        }
    }
}
