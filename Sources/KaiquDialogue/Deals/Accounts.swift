import KaiquNLU

/// Orders, payments, terms and credit limits (王建国进了50箱，3万 / 王建国回款2万 / 王建国账期60天 /
/// 王建国信用额度5万), and 哪些客户欠款逾期了. An order that would take the balance over the
/// credit limit is flagged before it is recorded (the 5C method's 交易金额突破信用限额), and
/// the rep confirms it.
extension Turn {
    var defaultTerms: Int { dialogue.data.receivableTerms }

    mutating func addOrder(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        guard let amount = u.slots["amount"].flatMap(Int.init), amount > 0 else { return say("order.amount_missing", ["name": card.name]) }
        let entry = SaleEntry(customer: card.id, kind: .order, day: saleDay(u), amount: amount)
        let account = try records.account(of: card.id, today: today.description, defaultTerms: defaultTerms)
        if let limit = account.creditLimit, account.balance + amount > limit {
            state.pending = .overLimit(entry)
            say("order.over_limit", ["name": card.name, "balance": money(account.balance + amount), "limit": money(limit)])
            return
        }
        apply(.recordSale(entry))
    }

    mutating func addPayment(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        let account = try records.account(of: card.id, today: today.description, defaultTerms: defaultTerms)
        // 货款结了 with no amount: what is owed is paid.
        guard let amount = u.slots["amount"].flatMap(Int.init) ?? (account.balance > 0 ? account.balance : nil), amount > 0 else {
            return say("payment.nothing_owed", ["name": card.name])
        }
        apply(.recordSale(SaleEntry(customer: card.id, kind: .payment, day: saleDay(u), amount: amount)))
    }

    mutating func setAccount(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        let terms = u.slots["terms"].flatMap(Int.init), limit = u.slots["limit"].flatMap(Int.init)
        guard terms != nil || limit != nil else { return say("account.value_missing", ["name": card.name]) }
        apply(.setAccount(card.id, termsDays: terms, creditLimit: limit))
    }

    /// 王建国逾期是因为资金周转不过来: the cause of a late payment, one of the method's six,
    /// kept on the card with a day to follow up on collecting; the acknowledgement gives the
    /// cause's collection strategy.
    mutating func recordOverdueCause(_ u: Utterance) throws {
        guard let card = try customer(for: u) else { return }
        guard let cause = u.slots["cause"], dialogue.data.collectionDays[cause] != nil || rules.lookupWords["overdue-cause"]?[cause] != nil else {
            return say("cause.missing", ["name": card.name])
        }
        let account = try records.account(of: card.id, today: today.description, defaultTerms: defaultTerms)
        guard account.balance > 0 else { return say("cause.nothing_owed", ["name": card.name]) }
        // Owed but not due yet: there is no late payment to explain, and no collecting to do.
        guard account.overdue > 0 else {
            return say("cause.not_due", ["name": card.name, "due": account.nextDue.map { dayText($0) } ?? ""])
        }
        let followUp = today.adding(days: dialogue.data.collectionDays[cause] ?? 7).description
        apply(.setOverdueCause(card.id, OverdueCause(id: cause, recorded: today.description, followUp: followUp)))
    }

    /// 哪些客户欠款逾期了: the overdue accounts, the longest overdue first.
    mutating func listOverdue(_ u: Utterance) throws {
        let overdue = try records.overdueAccounts(today: today.description, defaultTerms: defaultTerms, limit: 20)
        guard !overdue.isEmpty else { return say("overdue.none") }
        say("overdue.title", ["count": String(overdue.count), "amount": money(overdue.map(\.amount).reduce(0, +))])
        for (index, account) in overdue.enumerated() { line(overdueLine(index + 1, account)) }
        // Paying later than the terms is the method's warning sign (付款迟缓), with its measures.
        say("overdue.measures")
        if overdue.contains(where: { $0.cause == nil }) { tip("overdue.tip", ["name": overdue.first { $0.cause == nil }!.name]) }
    }

    /// "1. 王建国：逾期 3万，40 天（10月9日到期）", with the cause when one is recorded.
    func overdueLine(_ number: Int, _ account: OverdueAccount) -> String {
        let entry = text("overdue.line", ["index": String(number), "name": account.name, "amount": money(account.amount),
                                          "days": String(account.days), "since": dayText(account.since)])
        return account.cause.map { text("overdue.with_cause", ["line": entry, "cause": text("cause.\($0.id)")]) } ?? entry
    }

    /// What a customer's account says after an order or a payment.
    mutating func sayAccount(_ id: CustomerID, name: String) throws {
        let account = try records.account(of: id, today: today.description, defaultTerms: defaultTerms)
        if account.balance <= 0 { return say("account.settled", ["name": name]) }
        say("account.line", ["name": name, "parts": accountParts(account).joinedList(self)])
    }

    /// The account as one line of a card: 账款：欠款 3万，12月18日到期，账期 60 天，信用额度 5万.
    func accountLine(_ account: Account) -> String {
        let parts = account.balance > 0 ? accountParts(account, withTerms: true)
            : [text("account.none_owed")] + (account.termsDays.map { [text("account.terms", ["days": String($0)])] } ?? [])
              + (account.creditLimit.map { [text("account.limit", ["limit": money($0)])] } ?? [])
        return text("account.card", ["parts": parts.joinedList(self)])
    }

    private func accountParts(_ account: Account, withTerms: Bool = false) -> [String] {
        var parts = [text("account.owed", ["amount": money(account.balance)])]
        if account.overdue > 0, let since = account.oldestOverdue {
            parts.append(text("account.overdue", ["amount": money(account.overdue), "since": dayText(since)]))
        } else if let due = account.nextDue {
            parts.append(text("account.due", ["when": dayText(due)]))
        }
        if withTerms, let days = account.termsDays { parts.append(text("account.terms", ["days": String(days)])) }
        if let limit = account.creditLimit { parts.append(text("account.limit", ["limit": money(limit)])) }
        if account.overdue > 0, let cause = account.cause { parts.append(text("account.cause", ["cause": text("cause.\(cause.id)")])) }
        return parts
    }

    // The day the rep said it happened (昨天进的货), else today. An order is told after the
    // fact: a month and day read as the coming one (9月1日 in November) is last year's, and a
    // day of the month alone (10号 said on the 3rd) is last month's.
    private func saleDay(_ u: Utterance) -> String {
        // 上个月回了2万: some day of a period gone by, booked on its last day.
        if u.slots["date"] == nil, let to = u.slots["to"].flatMap(Self.day), let from = u.slots["from"].flatMap(Self.day), from <= today {
            return min(to, today).description
        }
        guard let date = u.slots["date"], let day = Self.day(date) else { return today.description }
        if day.ordinal <= today.ordinal { return day.description }
        let lastMonth = today.firstOfMonth.adding(months: -1)
        if Self.namesDayOfMonthOnly(u, date), let before = CivilDay.valid(lastMonth.year, lastMonth.month, day.day) {
            return before.description
        }
        if let before = CivilDay.valid(day.year - 1, day.month, day.day), before.ordinal <= today.ordinal, today.ordinal - before.ordinal < 366 {
            return before.description
        }
        return today.description
    }

    // 10号, 10日, the 10th: a date entity that names no month.
    static func namesDayOfMonthOnly(_ u: Utterance, _ date: String) -> Bool {
        guard let entity = u.entities.first(where: { $0.type == "date" && $0.value == date }), let said = u.said(entity) else { return false }
        let months = ["月", "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec", "/", "-", "."]
        return said.contains(where: \.isNumber) && !months.contains { said.contains($0) }
    }
}
