import KaiquDialogue

extension Book {
    /// Keeps a finished role-play in the owner's training record.
    func recordTraining(_ record: TrainingRecord) throws(StoreError) -> Outcome {
        try db.query("INSERT INTO training(owner, scenario, at, ending, score, total, met) VALUES (?, ?, ?, ?, ?, ?, ?)",
                     [.text(owner), .text(record.scenario), .text(record.at), .text(record.ending.rawValue),
                      .integer(Int64(record.score)), .integer(Int64(record.total)), .text(record.met.joined(separator: ","))])
        return .recorded
    }

    /// The owner's own role-plays, newest first (a manager's are theirs, not the team's).
    public func trainings(limit: Int) throws(StoreError) -> [TrainingRecord] {
        var records: [TrainingRecord] = []
        try db.query("SELECT scenario, at, ending, score, total, met FROM training WHERE owner = ? ORDER BY id DESC LIMIT ?",
                     [.text(owner), .integer(Int64(limit))]) { row in
            records.append(TrainingRecord(scenario: row.text(0) ?? "", at: row.text(1) ?? "",
                                          ending: RolePlay.Ending(rawValue: row.text(2) ?? "") ?? .quit,
                                          score: Int(row.integer(3)), total: Int(row.integer(4)),
                                          met: (row.text(5) ?? "").split(separator: ",").map(String.init)))
        }
        return records
    }
}
