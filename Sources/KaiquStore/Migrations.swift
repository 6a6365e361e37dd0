/// The schema, as numbered steps. Step N brings a store from user_version N-1 to N, in one
/// transaction; a store newer than the last step is refused rather than misread.
enum Migrations {
    static let steps: [String] = [
        // 1: customer cards, each owned by a rep (the local user in a terminal).
        """
        CREATE TABLE customer (
            id INTEGER PRIMARY KEY,
            owner TEXT NOT NULL,
            name TEXT NOT NULL CHECK (length(trim(name)) > 0),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL,
            deleted_at TEXT
        );
        CREATE INDEX customer_owner_name ON customer(owner, name);
        """,
    ]
}
