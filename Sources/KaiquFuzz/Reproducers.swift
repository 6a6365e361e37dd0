import Foundation

/// Lines that crashed or stalled Kaiqu once, run first on every fuzz run so a fix stays
/// fixed. Each runs on a store of its own, fresh at the start of a run (`storePrefix`), shared
/// only with the reproducers before it that add the cards it names.
public enum Reproducers {
    /// 4,096 bytes of "9千": a number far past any amount, exactly at the line limit.
    public static let nineThousands = String(repeating: "9千", count: 1_024)

    /// The reproducers' store files start with this; a run removes them first.
    public static let storePrefix = "reproducer-"

    public static let scenarios: [Scenario] = [
        // Two cards answer to 王总: the numbered list's picks out of range trapped.
        Scenario(kind: "reproducer", ["添加客户 王建国 电话13800138001", "添加客户 王芳 电话13800138002", "查看王总", "3"], store: storePrefix + "pick.db"),
        Scenario(kind: "reproducer", ["查看王总", "12"], store: storePrefix + "pick.db"),
        Scenario(kind: "reproducer", ["查看王总", "13800138002"], store: storePrefix + "pick.db"),
        // A checklist ticked with a range of billions aborted; one of 200 million stalled.
        Scenario(kind: "reproducer", ["添加客户 张伟 电话13800138001", "开始开发张伟", "1-9999999999"], store: storePrefix + "checklist.db"),
        Scenario(kind: "reproducer", ["添加客户 张伟 电话13800138001", "开始开发张伟", "1-199999999"], store: storePrefix + "checklist2.db"),
        Scenario(kind: "reproducer", ["把张伟的电话改成1390000-99999999999"], store: storePrefix + "phone.db"),
        // Found by kaiqu-fuzz: the same number typed while a checklist waits is a range far past
        // its 25 items, and aborted on an 800 GB allocation.
        Scenario(kind: "reproducer", ["添加客户 张伟 电话13800138001", "开始开发张伟", "1390000-99999999999"], store: storePrefix + "checklist3.db"),
        Scenario(kind: "reproducer", [nineThousands], store: storePrefix + "long.db"),
        // Found by kaiqu-fuzz: the third 5C question reads a percentage, and a number past
        // Int64 there trapped.
        Scenario(kind: "reproducer", ["添加客户 张伟 电话13800138001", "评估张伟的信用", "5", "5", "99999999999999999999"], store: storePrefix + "credit.db"),
    ]

    /// Removes the reproducers' stores of an earlier run in `directory`.
    public static func removeStores(in directory: URL) {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for file in files where file.hasPrefix(storePrefix) {
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(file))
        }
    }
}
