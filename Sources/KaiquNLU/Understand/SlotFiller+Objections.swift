/// The objection a message reports or asks about.
extension SlotFiller {
    /// The objection kinds of the NLU contract; intents/ may add finer ones for its playbooks.
    static let contractObjections: Set<String> = ["price", "no_time", "has_supplier", "think_it_over", "need_approval", "quality_doubt",
                                                   "no_need", "payment_terms", "low_margin", "brand_unknown", "after_sales", "bad_experience"]

    /// The first objection said, one of the contract's kinds before the playbook's finer ones
    /// (牌子没名气，怕卖不动 is brand_unknown first). Asking about terms is a buying signal, not
    /// an objection (问了起订量和账期: the scorer retyped those words as inquiries), though a
    /// pattern may have taken the word before that was known.
    func fillObjection(_ slots: inout [String: String]) {
        let said = entities.filter { $0.type == "objection" }.sorted { $0.range.lowerBound < $1.range.lowerBound }
        if let first = said.first(where: { Self.contractObjections.contains($0.value) }) ?? said.first,
           slots["objection"] == nil || !Self.contractObjections.contains(slots["objection"]!) {
            slots["objection"] = first.value
        }
        if let objection = slots["objection"], !said.contains(where: { $0.value == objection }) {
            slots["objection"] = nil
        }
    }
}
