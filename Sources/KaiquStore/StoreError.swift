/// What can go wrong with the store. Rendered for the user in one place (KaiquCLI).
public enum StoreError: Error, Sendable, Equatable {
    /// The file could not be opened or created.
    case cannotOpen(path: String, reason: String)
    /// The file is not a Kaiqu store, or is newer than this program.
    case incompatible(path: String, version: Int)
    /// The file is a database, but another application's: Kaiqu does not write to it.
    case foreign(path: String)
    /// Another process kept the store locked longer than Kaiqu waits.
    case busy
    /// SQLite refused a statement.
    case sqlite(code: Int32, message: String)
    /// A change names a customer the rep does not have (any more).
    case noSuchCustomer(Int64)
    /// A change names a visit the rep does not have.
    case noSuchVisit(Int64)
    /// A card was to go to someone outside the manager's team.
    case notInTeam(String)
    /// A platform id given to a user already reaches another one.
    case aliasTaken(alias: String, user: String)
}
