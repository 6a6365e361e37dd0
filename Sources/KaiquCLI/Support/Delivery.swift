import Foundation
import KaiquNLU

extension Output {
    /// What `export` and `report` produce: to standard output, or to the file `--out` names
    /// (written whole or not at all), with the error in the user's language.
    static func deliver(_ text: String, to out: String?, language: Language) -> ExitCode {
        guard let out else {
            standard.write(text)
            return .ok
        }
        do { try Data(text.utf8).write(to: URL(fileURLWithPath: out), options: .atomic) } catch {
            Output.error.line(Messages.render(.cannotWrite(out, error.localizedDescription), language))
            return .cannotCreate
        }
        return .ok
    }
}
