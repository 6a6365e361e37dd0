/// Customer names the parser takes whole from "添加客户 NAME 电话…", distinct over 4 groups of
/// 100 (a name like 客户12 is not taken as a name, and the line after it would become one).
enum CustomerNames {
    private static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈")
    private static let given = Array("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂玉兰萍红玲芬燕彬鹏飞斌波宇浩凯健俊帆")

    /// The `index`th name (0..<100) of `group` (0..<4).
    static func name(_ index: Int, group: Int = 0) -> String {
        let n = group * 100 + index
        return String(surnames[n % surnames.count]) + String(given[n / surnames.count % given.count]) + String(given[(index * 7 + group * 3) % given.count])
    }

    /// The chat line that adds it, with a phone of its own.
    static func addLine(_ index: Int, group: Int = 0) -> String {
        "添加客户 \(name(index, group: group)) 电话139\(group)\(String(index + 10_000_000).dropFirst())"
    }
}
