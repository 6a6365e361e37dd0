// The store's size under use: 10,000 customers, then 100,000 changes of every kind a rep
// makes (edits, notes, objections raised and resolved, ticks, visits planned, logged and
// cancelled, undos), each in its own transaction as the chat makes them. Run as
// `kaiqu-bench churn`; the figure is the file size against the target of 50 MB.
import Foundation
import KaiquDialogue
import KaiquStore

enum ChurnBench {
    static let customers = 10_000
    static let changes = 100_000

    static func run() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kaiqu-bench-churn-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("churn.db").path
        let seconds = try churn(path)
        // The WAL is folded into the file when the last connection closes: `churn` has
        // returned, so the store is closed; measure now.
        let size = try FileManager.default.contentsOfDirectory(atPath: folder.path).reduce(0) { total, file in
            total + ((try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file).path)[.size] as? Int) ?? 0)
        }
        print(String(format: "store under use: %d customers, %d changes in %.1f s; files %.1f MB (target ≤ 50)",
                      customers, changes, seconds, Double(size) / 1_048_576))
    }

    // The fill and the changes, on a store of their own that is closed when this returns.
    private static func churn(_ path: String) throws -> Double {
        let book = try Store(path: path).book(of: "bench", zone: "Asia/Shanghai")
        let stamp = "2026-11-18T10:00"
        var batch: [Change] = []
        for i in 0..<customers {
            var card = CustomerCard(id: 0, name: "客户\(i)", createdAt: stamp, updatedAt: stamp)
            card.phones = [String(13_000_000_000 + i)]
            batch.append(.addCustomer(card))
        }
        _ = try book.apply(batch, kind: "bench", subject: "fill", at: stamp)
        var random = SplitMix(seed: 7)
        var planned: [VisitID] = []
        let start = DispatchTime.now().uptimeNanoseconds
        for n in 0..<changes {
            // A few customers get most of the changes, as key customers do.
            let id = CustomerID(random.next(4) == 0 ? random.next(50) + 1 : random.next(customers) + 1)
            let change: Change
            switch random.next(10) {
            case 0: change = .updateCustomer(id, [.region(["杭州", "宁波", "温州"][random.next(3)]), .card(["A", "B", "C"][random.next(3)], byRep: true)])
            case 1: change = .addNote(id, "第 \(n) 次：客户说下个月再谈，先寄样品。", profile: [:])
            case 2, 3: change = .flow(id, [.objection(kind: ["price", "time", "need"][random.next(3)], said: "价格太高了，再便宜点吧")])
            case 4: change = .flow(id, [.resolveObjections])
            case 5: change = .flow(id, [.tick(["1.cards", "1.catalog"])])
            case 6: change = .scheduleVisit(VisitPlan(customer: id, day: "2026-11-\(19 + random.next(10))", time: "15:00"))
            case 7:
                if let visit = planned.popLast() { change = .cancelVisit(visit) } else { change = .undo }
            case 8: change = .logContact(ContactLog(customer: id, day: "2026-11-18", time: "10:00", outcome: "谈了价格"))
            default: change = .undo
            }
            do {
                if case .visit(let visit) = try book.apply(change, at: stamp), case .scheduleVisit = change { planned.append(visit) }
            } catch StoreError.noSuchVisit, StoreError.noSuchCustomer {
                // An undo took the visit away first; the chat says so, the bench goes on.
            }
        }
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }
}
