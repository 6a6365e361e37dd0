/// A person the bridge serves: a rep, who reaches their own cards, or a manager, who reaches
/// the cards of everyone in their team. The id is the owner of their cards.
public struct User: Sendable, Equatable {
    public enum Role: String, Sendable, CaseIterable { case rep, manager }

    public var id: String
    public var name: String
    public var role: Role
    public var team: String?
    /// The platform ids that reach this user besides the id itself (wecom:zhangwei, slack:U123).
    public var aliases: [String]

    public init(id: String, name: String, role: Role, team: String? = nil, aliases: [String] = []) {
        self.id = id
        self.name = name
        self.role = role
        self.team = team
        self.aliases = aliases
    }

    /// True when this user reaches cards besides their own.
    public var seesTeam: Bool { role == .manager && team != nil }
}

extension Store {
    /// Adds a user, or replaces one with the same id (name, role, team; aliases are added).
    /// Fails with `aliasTaken` when a platform id already reaches another user.
    public func saveUser(_ user: User, at stamp: String) throws(StoreError) {
        try db.transaction { () throws(StoreError) in
            for alias in user.aliases {
                if let other = try db.text("SELECT user_id FROM user_alias WHERE platform_id = ?", [.text(alias)]), other != user.id {
                    throw .aliasTaken(alias: alias, user: other)
                }
            }
            try db.query("""
                INSERT INTO user(id, name, role, team, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT(id) DO UPDATE SET name = ?2, role = ?3, team = ?4
                """, [.text(user.id), .text(user.name), .text(user.role.rawValue), .optional(user.team), .text(stamp)])
            for alias in user.aliases {
                try db.query("INSERT OR IGNORE INTO user_alias(platform_id, user_id) VALUES (?, ?)", [.text(alias), .text(user.id)])
            }
        }
    }

    /// Removes a user and their platform ids and conversation. Their cards stay, owned by the
    /// id, for a manager to move on. False when there was no such user.
    public func removeUser(_ id: String) throws(StoreError) -> Bool {
        try db.transaction { () throws(StoreError) -> Bool in
            guard try db.integer("SELECT count(*) FROM user WHERE id = ?", [.text(id)]) == 1 else { return false }
            try db.query("DELETE FROM conversation WHERE user_id = ?", [.text(id)])
            try db.query("DELETE FROM user WHERE id = ?", [.text(id)])
            return true
        }
    }

    /// Every user, by team and id.
    public func users() throws(StoreError) -> [User] {
        var users: [User] = []
        try db.query("SELECT id, name, role, team FROM user ORDER BY team IS NULL, team, id") { row in
            users.append(Self.user(row))
        }
        for index in users.indices {
            try db.query("SELECT platform_id FROM user_alias WHERE user_id = ? ORDER BY platform_id", [.text(users[index].id)]) { row in
                if let alias = row.text(0) { users[index].aliases.append(alias) }
            }
        }
        return users
    }

    /// The user a platform id reaches: an alias, or a user's own id. Nil for a stranger.
    public func user(reachedBy platformID: String) throws(StoreError) -> User? {
        var found: User?
        try db.query("""
            SELECT id, name, role, team FROM user
            WHERE id = coalesce((SELECT user_id FROM user_alias WHERE platform_id = ?1), ?1)
            """, [.text(platformID)]) { row in found = Self.user(row) }
        return found
    }

    private static func user(_ row: Database.Row) -> User {
        User(id: row.text(0) ?? "", name: row.text(1) ?? "", role: row.text(2).flatMap(User.Role.init(rawValue:)) ?? .rep, team: row.text(3))
    }
}
