import Foundation

extension FuzzStats.Crash {
    /// The crash site from what the Swift runtime printed: its fatal-error message and the
    /// first frame in Kaiqu's own sources (not the fuzzer's, not the standard library's).
    public static func site(fromBacktrace text: String) -> String {
        let lines = text.split(separator: "\n")
        // Numbers in the message vary with the input ("failed to allocate 80000000024 bytes"): N.
        let message = lines.first { $0.contains("Fatal error:") }.map {
            String($0.split(separator: "Fatal error:").last ?? "").trimmingCharacters(in: .whitespaces)
                .replacingOccurrences(of: "[0-9]+", with: "N", options: .regularExpression)
        }
        let frame = lines.lazy.compactMap { line -> String? in
            guard let at = line.range(of: " at "), let sources = line.range(of: "/Sources/", range: at.upperBound..<line.endIndex) else { return nil }
            let file = line[sources.upperBound...]
            guard file.hasPrefix("Kaiqu"), !file.hasPrefix("KaiquFuzz") else { return nil }
            // "  3 [ra] 0x… Turn.answer(_:with:) + 3962 in kaiqu-fuzz at …" (release builds have no
            // "[ra]"): the function is between the address and " + " or " in ".
            var function = ""
            if let address = line.range(of: " 0x", range: line.startIndex..<at.lowerBound),
               let afterAddress = line[address.upperBound..<at.lowerBound].firstIndex(of: " ") {
                let rest = line[line.index(after: afterAddress)..<at.lowerBound]
                function = String(rest[..<(rest.range(of: " + ")?.lowerBound ?? rest.range(of: " in ")?.lowerBound ?? rest.endIndex)])
            }
            let place = file.split(separator: ":").prefix(2).joined(separator: ":")
            return function + " at " + place
        }.first
        return [frame, message].compactMap { $0 }.joined(separator: ": ")
    }
}
