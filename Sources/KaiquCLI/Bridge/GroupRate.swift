/// How many messages each group chat got in the last minute, so the bridge can keep a group
/// under its rate: replies are gathered into fewer messages, and past the rate the response
/// says how long to wait before posting.
struct GroupRate {
    let perMinute: Int
    // Chat → the times (seconds) of its messages in the last minute, oldest first.
    private var sent: [String: [Double]] = [:]
    private var checks = 0

    init(perMinute: Int) { self.perMinute = perMinute }

    /// How many messages `chat` may still get this minute (at least one: a request is
    /// always answered, if later).
    mutating func room(_ chat: String, now: Double) -> Int {
        forgetQuietChats(now)
        let times = sent[chat, default: []].filter { $0 > now - 60 }
        sent[chat] = times
        return max(1, perMinute - times.count)
    }

    /// Counts `count` messages to `chat` as sent, and says how long (ms) to wait before
    /// posting them so the group stays within its rate.
    mutating func send(_ count: Int, chat: String, now: Double) -> Int {
        guard count > 0 else { return 0 }
        var times = sent[chat, default: []].filter { $0 > now - 60 }
        var at = now
        // They may go once only perMinute - count of the minute's messages are left in it.
        let mustAge = times.count + count - perMinute
        if mustAge > 0 { at = max(now, times[min(mustAge, times.count) - 1] + 60) }
        times += Array(repeating: at, count: count)
        sent[chat] = Array(times.suffix(perMinute))
        return Int(((at - now) * 1000).rounded(.up))
    }

    // A bridge may see many groups over a day: those quiet for a minute are forgotten now
    // and then, so memory stays flat.
    private mutating func forgetQuietChats(_ now: Double) {
        checks += 1
        guard checks % 10_000 == 0 else { return }
        sent = sent.filter { ($0.value.last ?? 0) > now - 60 }
    }
}
